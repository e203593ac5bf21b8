# Records python-regex-cases.json: for each pattern, Python's compile error message (re.error.msg)
# or, for each subject, what re.search matched (None when nothing). Used by PythonRegexTest.
# Not part of the build. Run: python3 record_python_regex_cases.py python-regex-cases.json
import json
import re
import sys
import warnings

warnings.filterwarnings("ignore")

SUBJECTS = ["", "hello\n", "Hello World", "abc123", "a{}b", "x{,}y", "aaa", "a-b&&c[d]", "tab\there",
            "é ü 漢字 ٣", "line1\nline2\n", "café", "\x00\x07\x08\x0b\x0c", "{2}", "a.b*c", "ok 200",
            "Python 3.11.7", "you_are_number_87", "ab\nab", "ABC", "a b#c", "\\q", "😀", "ǅ", "-]^"]

PATTERNS = [
    "^hel+o$", "hello$", "hello\\Z", "hello\\n\\Z", "\\Aa", "^\\w+$", "\\d+", "\\D+", "\\s", "\\S+", "\\W",
    "\\bWorld\\b", "\\Bell", "[0-9]{2}", "Python [0-9]\\.[0-9]", "(?P<word>\\w+) (?P=word)", "(?P<a>a)(?P=a)",
    "(?P<first_name>a+)(?P=first_name)", "(a)\\1", "(a)(b)\\2", "(a)\\10", "(a)(?:\\1)0",
    "a{}", "a{}b", "x{,}", "x{,}y", "a{,2}", "a{2}", "a{2,}", "a{1,2}", "a{1,2}?", "a{1,2}+", "{2}", "a{",
    "a{b}", "a{1,b}", "a{ 1}", "{", "}", "]", "a]", "[]]", "[^]]", "[]a]", "[[]", "[a-]", "[-a]", "[a\\-z]",
    "[&&]", "[a&&b]", "[\\d-]", "[^\\d]", "[\\w.]", "[.]", "[\\b]", "[\\x00-\\x07]", "[\\0]", "[\\7]", "[\\101]",
    "\\101", "\\0", "\\07", "\\x41", "\\u00e9", "\\U0001F600", "\\N{LATIN SMALL LETTER E WITH ACUTE}",
    "\\v", "\\a", "\\f", "\\t", "[\\v]", "\\.", "\\*", "\\-", "\\&", "\\#", "\\ ", "\\é", "\\\\q", "a.b", "a.*c",
    "(?s)line1.line2", "line1.line2", "(?m)^line2$", "^line2$", "(?i)abc", "(?i:A)BC", "(?-i:a)", "(?i)(?-i:a)B",
    "(?x) a b # comment\n c", "(?x)a\\ b", "(?x)a[ ]b", "(?x)a\\#b", "(?x:a b)c", "(?x)(?-x:a b)", "(?a)\\w+",
    "\\w+", "(?u)\\w+", "(?#comment)ok", "o(?#x)k", "ok(?=\\s)", "ok(?!\\s)", "(?<=o)k", "(?<!o)k", "(?>a+)a",
    "a++a", "a*+", "(ab)+", "(?:ab)*", "a|b|", "|a", "()", "(|a)", "(a|b)*c", "café", "caf\\u00e9",
    "[é-ü]", "[漢-字]", "\\d\\d", "٣", "[😀]", "😀+", "(?i)ǆ", "a\\Z", "$", "^$", "^", "\\$", "\\^",
    "-\\]\\^", "[\\]]", "[\\^]", "[\\\\]", "[\\[]", "\\(\\)", "x*?", "x??", "(?P<n>x)?(?P=n)",
    # errors
    "[0-9", "(a", "a)", "*a", "a**", "\\q", "[z-a]", "(?P<a>x)(?P=b)", "(?<x>a)", "\\1", "(a)\\2",
    "a{3,1}", "(?P<1a>x)", "(?i)a(?m)", "a(?i)", "a|(?i)b", "\\e", "a\\", "(?<=a+)b", "(?(1)a|b)",
    "\\p{L}", "\\h", "\\k<a>", "(?P<a>x)(?P<a>y)", "^*", "\\b+", "(?#c)*", "(?z)", "(?i", "(?iz)", "(?L)a",
    "(?au)a", "(?-i)a", "(?i-i:a)", "(?-a:a)", "(?P", "(?Px)", "(?P<>a)", "(?P<a", "(?P=a", "(?P=)",
    "(a)(?P=a)", "(?P<a>(?P=a))", "(a\\1)", "(?", "(?<", "(?<a", "[\\x41-\\x20]", "[a-\\d]", "[\\8]", "\\8",
    "\\x4", "\\x4g", "\\u12", "\\U00110000", "\\N", "\\N{", "\\N{}", "\\N{NOPE}", "\\400", "[\\400]", "[^]",
    "[a", "a*?+", "a+*", "[]", "[\\", "(?#x", "(?P<a-b>x)", "a{2}{3}", "(?=a)*", "(?x)a *", "(?x)a* ?",
    "(?P<", "(?P=", "(?P<a>x)(?P=",
]

out = []
for p in PATTERNS:
    try:
        rx = re.compile(p)
    except re.error as e:
        out.append({"pattern": p, "error": e.msg})
        continue
    except Exception as e:
        out.append({"pattern": p, "error": str(e)})
        continue
    matches = {}
    for s in SUBJECTS:
        m = rx.search(s)
        matches[s] = None if m is None else m.group(0)
    out.append({"pattern": p, "matches": matches})

with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("{\n  \"recorded_with\": \"Python %s re\",\n" % sys.version.split()[0])
    f.write("  \"cases\": [\n")
    f.write(",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in out))
    f.write("\n  ]\n}\n")
print(len(out), "patterns,", sum(1 for e in out if "error" in e), "refused")
