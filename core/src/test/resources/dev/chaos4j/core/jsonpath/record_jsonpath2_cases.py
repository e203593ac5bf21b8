# Records jsonpath2-cases.json: the values Python's jsonpath2 0.4.5 selects for each path (or
# whether it refuses the path). Used by Jsonpath2ConformanceTest. Not part of the build.
#
# Run it with jsonpath2 0.4.5 importable (e.g. its source tree, v0.4.5 tag, on PYTHONPATH, with
# antlr4-python3-runtime installed):  python3 record_jsonpath2_cases.py jsonpath2-cases.json
import contextlib
import io
import json
import sys
import warnings

warnings.filterwarnings("ignore")
from jsonpath2.path import Path  # noqa: E402


def run(path, doc):
    quiet = io.StringIO()
    try:
        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(io.StringIO()):
            compiled = Path.parse_str(path)
    except Exception as e:
        return {"error": "parse", "type": type(e).__name__, "msg": str(e)}
    try:
        with contextlib.redirect_stdout(quiet):
            return {"result": [m.current_value for m in compiled.match(doc)]}
    except Exception as e:
        return {"error": "eval", "type": type(e).__name__, "msg": str(e)}

docs = {
  "items": {"status": "ok", "count": 2, "items": [{"name": "a", "up": True, "n": 1}, {"name": "b", "up": False, "n": 2.5}, {"name": "c", "n": None}], "meta": {"tags": ["x", "y"], "empty": [], "nested": {"name": "deep", "up": True}}},
  "list": [0, 1, 2, 3, 4, 5],
  "mixed": {"s": "héllo", "m": {"x": 1, "y": [1, 2]}, "l": [3, 4], "t": True, "f": False, "z": 0, "n": None, "e": "", "num": 1.0, "true": "kw", "a-b": 7, "_k1": "u", "k": "m", "i": 1},
  "store": {"store": {"book": [
      {"category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95},
      {"category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99},
      {"category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99},
      {"category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99}],
    "bicycle": {"color": "red", "price": 19.95}}, "expensive": 10},
  "scalar": "text",
}

paths = {
 "items": [
  "$", "$.status", "$.count", "$.items", "$.items[0]", "$.items[-1]", "$.items[3]", "$.items[-4]",
  "$.items[*].name", "$.items.*.name", "$.items[?(@.up = true)]", "$.items.*[?(@.up = true)].name",
  "$.items[*][?(@.up = true)].name", "$.items[*][?(@.up)].name", "$.items[*][?(@.up = false)].name",
  "$.items[*][?(not @.up)].name", "$.items[*][?(@.n > 1)].name", "$.items[*][?(@.n >= 1)].name",
  "$.items[*][?(@.n < 2)].name", "$.items[*][?(@.n <= 2.5)].name", "$.items[*][?(@.n != 1)].name",
  "$.items[*][?(@.n = null)].name", "$.items[*][?(@.name = \"b\")].n", "$.items[*][?(@.name != \"b\")].n",
  "$.items[*][?(@.up = true and @.n = 1)].name", "$.items[*][?(@.up = true or @.n = 2.5)].name",
  "$.items[*][?(@.up = false or @.n = 1 and @.name = \"a\")].name", "$.items[*][?((@.up = false or @.n = 1) and @.name = \"a\")].name",
  "$.items[*][?(@.up = false or (@.n = 1 and @.name = \"b\"))].name",
  "$..name", "$..up", "$..n", "$..[0]", "$..*", "$..items[1].name", "$..[\"name\"]", "$..nested.name",
  "$.meta.tags[*]", "$.meta.tags.length()", "$.meta.empty[*]", "$.meta.empty.length()", "$.items.length()",
  "$.meta.keys()", "$.meta.values()", "$.meta.tags.entries()", "$.status.length()", "$.status.charAt(0)",
  "$.items[0,2].name", "$.items[0:2].name", "$.items[1:].name", "$.items[:1].name", "$.items[::2].name",
  "$.items[-2:].name", "$[\"items\"][0][\"name\"]", "$[\"status\",\"count\"]", "$.items[?(@.n)]",
  "$[?(@.status = \"ok\")].count", "$[?(@.status = \"ko\")].count", "$[?(@.count = 2)].status",
  "$[?(@.count = 2.0)].status", "$[?(@.count = true)].status", "$[?(@.items[0].up = true)].status",
  "$[?(@.items[*].name = \"b\")].status", "$[?($.count > 1)].status", "$.items[*][?($.count = 2)].name",
  "$.items[$.count]", "$.items[@.length()]", "$.items[*][?(@.name = $.items[0].name)].n",
  "$[?(@.items[*].n = @.items[*].n)].status", "$[?(@.items[*].n = 2.5)].status", "$[?(2.5 = @.items[*].n)].status",
  "$[?(@.items[*].n = $.items[1].n)].status", "$[?($.items[1].n = @.items[*].n)].status",
  "$.meta[?(@.tags = [\"x\", \"y\"])].empty", "$.meta[?(@.nested = {\"name\": \"deep\", \"up\": true})].tags",
  "$.meta[?(@.nested = {\"up\": true, \"name\": \"deep\"})].tags", "$[?(true)].count", "$[?(false)].count",
  "$[?(1)].count", "$[?(0)].count", "$[?(\"\")].count", "$[?(\"x\")].count", "$[?(null)].count",
  "$[?([])].count", "$[?({})].count", "$[?([1])].count", "$[?(@)].count", "$[?(not not @.count)].count",
  "$[?(1 = 1)].count", "$[?(1 < 2)].count", "$[?(\"a\" < \"b\")].count", "$[?(@.status > 1)].count",
  "$.items[*].name.charAt(-1)", "$.items[*].name[charAt(0)]", "$.items[0].name.substring(0,1)",
  "$.items[*][?(@.n.foo)]", " $.status ", "$ .items [ 0 ] . name", "$\n.status",
 ],
 "list": [
  "$[0]", "$[-1]", "$[6]", "$[-6]", "$[-7]", "$[*]", "$.*", "$[0:2]", "$[:2]", "$[2:]", "$[-2:]", "$[:-2]",
  "$[::2]", "$[1::2]", "$[::-1]", "$[3:0:-1]", "$[5:0:-2]", "$[2:-10:-1]", "$[-100:2]", "$[1:100]", "$[100:]",
  "$[:100]", "$[-3:-1]", "$[-1:-3]", "$[-1:-3:-1]", "$[10:0:-1]", "$[10:2:-3]", "$[:2:]", "$[::]", "$[:]",
  "$[0,0,1]", "$[0,-1,9]", "$[1:3,0]", "$[?(@)]", "$[?(@ = 1)]", "$[*][?(@ = 1)]", "$[*][?(@ > 2)]",
  "$[*][?(@ != 2)]", "$[*][?(@ >= 2 and @ <= 3)]", "$[*][?(@ < 1 or @ > 4)]", "$[*][?(not (@ < 1 or @ > 4))]",
  "$.length()", "$.keys()", "$.values()", "$.entries()", "$[length()]", "$.length(1)", "$.charAt(0)",
  "$[::0]", "$[0::0]", "$[99999999999999999999]", "$[-99999999999999999999:]",
  "$[-0]", "$[?(@[0] = 0)]", "$[$[1]]", "$[@[2]]", "$[@.length()]", "$..*", "$..[1]", "$[*].foo",
 ],
 "mixed": [
  "$.s", "$.s.length()", "$.s.charAt(1)", "$.s.charAt(-1)", "$.s.charAt(9)", "$.s.charAt(true)", "$.s.charAt(\"1\")",
  "$.s.charAt(1.0)", "$.s.charAt(0, 1)", "$.s.charAt()", "$.s.substring(1)", "$.s.substring(1,3)", "$.s.substring(-2)",
  "$.s.substring(3,1)", "$.s.substring(-100,100)", "$.s.substring(true)", "$.s.substring(1,\"2\")",
  "$.s.charAt($.i)", "$.s.charAt(@.length())", "$.s.charAt($.l[*])", "$.s.substring($.l[*], $.l[*])",
  "$.m.length()", "$.m.keys()", "$.m.values()", "$.m.entries()", "$.l.entries()", "$.l.keys()", "$.l.values()",
  "$.e.length()", "$.n.length()", "$.t.length()", "$.s[0]", "$.s.*", "$.s..*",
  "$[\"true\"]", "$[\"a-b\"]", "$._k1", "$.m[$.k]", "$[$.k].x", "$[@.k]", "$[$.i]", "$.l[$.t]", "$.l[$.f]",
  "$[?(@.f)].z", "$[?(@.n)].z", "$[?(@.missing)].z", "$[?(@.z = false)].s", "$[?(@.num = 1)].s",
  "$[?(@.t = 1)].s", "$[?(@.t < 2)].s", "$[?(@.t > 0.5)].s", "$[?(@.s < \"z\")].z", "$[?(@.n = null)].z",
  "$[?(@.e = \"\")].z", "$[?(@.m = {\"y\": [1, 2], \"x\": 1})].z", "$[?(@.m.y = [1, 2.0])].z", "$[?(@.l = [3,4])].z",
  "$[?(@.l != [3,4])].z", "$[?(@.x != 3)].z", "$[?(1.5e0 > 1)].z", "$[?(1E2 = 100)].z", "$[?(-1 < 0)].z",
  "$[?(@.s = \"héllo\")].z", "$[?(@.m.x = 1 and (@.t or @.q))].z", "$[?(not @.q and not not @.t)].z",
  "$..x", "$..[\"x\"]", "$..l[0]", "$.m..*", "$..y[1]", "$..*.length()", "$..length()", "$..keys()",
 ],
 "store": [
  "$.store.book[*].author", "$..author", "$.store.*", "$.store..price", "$..book[2]", "$..book[-1:]",
  "$..book[0,1]", "$..book[:2]", "$..book[*][?(@.isbn)].title", "$..book[*][?(@.price < 10)].title",
  "$..book[*][?(@.price < $.expensive)].title", "$..*[?(@.price > 15)].price", "$..[?(@.color)]",
  "$..book.length()", "$.store.book[*][?(@.category = \"fiction\" and @.price > 10)].author",
  "$.store.book[?(@.isbn)]", "$..book[?(@.isbn)]", "$..[?(@.isbn)].isbn", "$..price",
 ],
 "scalar": ["$", "$.a", "$[0]", "$.length()", "$.charAt(0)", "$[?(@ = \"text\")]", "$..*", "$[*]"],
}

invalid = [
  "", "   ", "a", "@", "@.a", "$.", "$..", "$...a", "$.a.", "$[", "$[]", "$[0", "$['a']", "$[\"a]", "$.a[?(@.b == 1)]",
  "$.a[?(@.b = 'x')]", "$.true", "$.false", "$.null", "$.and", "$.or", "$.not", "$.0", "$.a b", "$a", "$$",
  "$.a[?(@.b && @.c)]", "$.a[?(@.b || @.c)]", "$.a[?(!@.b)]", "$.a[1.5]", "$.a[1e2]", "$.a[01]", "$.a[0:1.5]",
  "$.a[:1:2:3]", "$.a[name]", "$.a[length]", "$.foo()", "$.a[foo()]", "$.a[?(@.b = True)]", "$.a[?(@.b = undefined)]",
  "$.a[?(@.b = \"x\\q\")]", "$.a[?(@.b = \"x\\u12\")]", "$.a[?(@.b)", "$.a[?@.b]", "$.a[?()]", "$.a[?(@.b = )]",
  "$.a[?(@.b =)]", "$.a[?(and)]", "$.a[?(@.b = {a: 1})]", "$.a[?(@.b = {\"a\" 1})]", "$.a[?(@.b = [1,])]",
  "$.a[?(@.b = -)]", "$.a[?(@.b = 1.)]", "$.a[-]", "$.a[*,]", "$.a[,0]", "$.a.*.", "$.a]", "$.a)", "$ $",
  "$.a[?(@.b = \"\t\")]", "$.a\u00a0", "$.a[?(@.b=1) and (@.c=2)]", "$.length(", "$.length(1,)", "$.charAt(x)",
  "$.a[?(@.b >== 1)]", "$.a[?(@.b =< 1)]", "$.a[?(@.b <> 1)]", "$.a.b-c", "$..[\"a\"", "$.a[\"a\" \"b\"]", "$.é",
]

cases = []
for d, ps in paths.items():
    for p in ps:
        cases.append({"path": p, "doc": d})
for p in invalid:
    cases.append({"path": p, "doc": "items"})

out = []
for c in cases:
    r = run(c["path"], docs[c["doc"]])
    e = {"path": c["path"]}
    if r.get("error") == "parse":
        e["error"] = "parse"
    else:
        e["doc"] = c["doc"]
        if "error" in r:
            e["error"] = "eval"
        else:
            e["result"] = r["result"]
    out.append(e)

with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("{\n  \"recorded_with\": \"jsonpath2 0.4.5 (antlr4-python3-runtime 4.13.2, Python 3.11)\",\n")
    f.write("  \"documents\": " + json.dumps(docs, ensure_ascii=False) + ",\n")
    f.write("  \"cases\": [\n")
    f.write(",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in out))
    f.write("\n  ]\n}\n")
print(len(out), "cases;", sum(1 for e in out if e.get("error") == "parse"), "parse errors;", sum(1 for e in out if e.get("error") == "eval"), "eval errors")
for e in out:
    if e.get("error") and e["path"] not in invalid: print("ERR", e)
    if not e.get("error") and e["path"] in invalid: print("VALID?!", e)
