# chaos4j Python bridge: runs the Python functions of "python" activities for a chaos4j engine.
#
# The JVM starts `python3 -c <bootstrap>`, writes this file as one JSON string line on standard
# input, waits for the "ready" message, and then exchanges one JSON object per line:
#
#   request  {"id": n, "op": "inspect", "module": m, "func": f}
#   answer   {"id": n, "ok": true, "result": {"status": "function", "parameters": [...]}}
#            status is also "missing" (module not found), "broken" (found but its import failed),
#            "not-a-function" or "no-signature"; "error" holds the Python error line.
#   request  {"id": n, "op": "call", "module": m, "func": f, "arguments": {...},
#             "configuration": {...}, "secrets": {...} or null, "cwd": dir}
#   answer   {"id": n, "ok": true, "result": <JSON value>}
#            {"id": n, "ok": false, "error": "<ExcType>: <message>", "traceback": [lines]}
#   request  {"id": n, "op": "control", "module": m, "func": f, "args": [...], "kwargs": {...},
#             "aliases": {name: other name}, "watch": [names], "cwd": dir}
#   answer   {"id": n, "ok": true, "result": {"changed": {name: new value}}}
#            the watched keyword arguments the control function changed; on error as for "call",
#            plus "interrupt": true when the exception is an InterruptExecution (by class name,
#            the reference's chaoslib need not be installed) and "message": str(exception).
#   message  {"ready": true, "python": "3.11.7"} once, first;
#            {"log": "INFO", "message": "..."} for each record of the "chaostoolkit" logger.
#
# Calls run in threads, like the reference's background activities, so answers may come in any
# order. The protocol uses private copies of the original stdin/stdout descriptors: descriptor 0
# becomes /dev/null and descriptor 1 becomes standard error, so whatever a function (or a process
# it starts) reads or prints cannot corrupt the protocol. Standard error is the JVM's to show.
#
# Return values that JSON cannot hold are converted: tuples and sets become lists (sets sorted when
# possible), mapping keys become strings as json.dumps makes them, bytes are decoded as UTF-8,
# dates and times become ISO-8601 strings, Decimal, UUID and paths their str(), enums their value,
# and anything else its repr().

import datetime
import decimal
import enum
import importlib
import inspect
import json
import logging
import os
import pathlib
import platform
import signal
import sys
import threading
import traceback
import uuid
from collections.abc import Mapping

BRIDGE_FILE = "<chaos4j-bridge>"

_send_lock = threading.Lock()
_channel = None


def send(message):
    try:
        line = json.dumps(message, ensure_ascii=True, allow_nan=True)
    except (TypeError, ValueError) as error:
        line = json.dumps(
            {
                "id": message.get("id"),
                "ok": False,
                "error": "chaos4j bridge could not encode the answer: " + error_line(error),
                "traceback": [],
            }
        )
    data = (line + "\n").encode("ascii")
    with _send_lock:
        _channel.write(data)
        _channel.flush()


def error_line(error):
    """The reference's one-line form of an exception: '<ExcType>: <message>'."""
    return traceback.format_exception_only(type(error), error)[0].strip()


def traceback_lines(error):
    """The traceback of an exception, without the bridge's own frames."""
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == BRIDGE_FILE:
        tb = tb.tb_next
    return traceback.format_exception(type(error), error, tb)


def json_key(key):
    if isinstance(key, str):
        return key
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, enum.Enum):
        return json_key(key.value)
    if isinstance(key, (int, float)):
        return json.dumps(key)
    return str(key)


def to_json(value, parents=()):
    """A value json.dumps can write, converted as the header says."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, enum.Enum):
        return to_json(value.value, parents)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8", "replace")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID, pathlib.PurePath)):
        return str(value)
    if isinstance(value, (Mapping, list, tuple, set, frozenset)):
        if id(value) in parents:
            return "{...}" if isinstance(value, Mapping) else "[...]"
        inner = parents + (id(value),)
        if isinstance(value, Mapping):
            return {json_key(k): to_json(v, inner) for k, v in value.items()}
        if isinstance(value, (set, frozenset)):
            try:
                value = sorted(value)
            except TypeError:
                value = list(value)
        return [to_json(item, inner) for item in value]
    return repr(value)


def names_module(missing, module_name):
    """Whether a ModuleNotFoundError's name is the requested module or one of its parents."""
    return missing is not None and (
        module_name == missing or module_name.startswith(missing + ".")
    )


def inspect_function(module_name, func_name):
    """What the reference's validation needs to know of module.func."""
    try:
        module = importlib.import_module(module_name)
    except BaseException as error:  # an import may raise anything, SystemExit included
        missing = isinstance(error, ModuleNotFoundError) and names_module(
            error.name, module_name
        )
        return {"status": "missing" if missing else "broken", "error": error_line(error)}
    # the reference looks among inspect.getmembers(module, isfunction or isbuiltin)
    if func_name not in dir(module):
        return {"status": "not-a-function"}
    try:
        candidate = getattr(module, func_name)
    except AttributeError:
        return {"status": "not-a-function"}
    if not (inspect.isfunction(candidate) or inspect.isbuiltin(candidate)):
        return {"status": "not-a-function"}
    try:
        signature = inspect.signature(candidate)
    except (TypeError, ValueError) as error:
        return {"status": "no-signature", "error": error_line(error)}
    parameters = [
        {"name": p.name, "kind": p.kind.name, "required": p.default is p.empty}
        for p in signature.parameters.values()
    ]
    return {"status": "function", "parameters": parameters}


def call_function(request):
    """Calls module.func(**arguments) as the reference's run_python_activity does."""
    cwd = request.get("cwd")
    if cwd and os.getcwd() != cwd:
        os.chdir(cwd)
    module = importlib.import_module(request["module"])
    function = getattr(module, request["func"])
    arguments = dict(request.get("arguments") or {})
    parameters = inspect.signature(function).parameters
    if request.get("secrets") is not None and "secrets" in parameters:
        arguments["secrets"] = request["secrets"]
    if "configuration" in parameters:
        arguments["configuration"] = dict(request.get("configuration") or {})
    return function(**arguments)


def answer_call(request):
    try:
        result = to_json(call_function(request))
    except BaseException as error:  # SystemExit too: it must not end the bridge
        send(
            {
                "id": request["id"],
                "ok": False,
                "error": error_line(error),
                "traceback": traceback_lines(error),
            }
        )
        return
    send({"id": request["id"], "ok": True, "result": result})


def snapshot(value):
    """A comparable picture of a JSON-like value, to tell whether a control changed it."""
    try:
        return json.dumps(to_json(value), sort_keys=True)
    except (TypeError, ValueError):
        return None


def call_control(request):
    """Calls a control hook as the reference's control runner does; returns what it changed."""
    cwd = request.get("cwd")
    if cwd and os.getcwd() != cwd:
        os.chdir(cwd)
    module = importlib.import_module(request["module"])
    function = getattr(module, request["func"])
    kwargs = dict(request.get("kwargs") or {})
    for alias, name in (request.get("aliases") or {}).items():
        kwargs[alias] = kwargs.get(name)
    watched = [name for name in request.get("watch") or [] if name in kwargs]
    before = {name: snapshot(kwargs[name]) for name in watched}
    function(*(request.get("args") or []), **kwargs)
    changed = {}
    for name in watched:
        if snapshot(kwargs[name]) != before[name]:
            changed[name] = to_json(kwargs[name])
    return {"changed": changed}


def is_interruption(error):
    return any(cls.__name__ == "InterruptExecution" for cls in type(error).__mro__)


def answer_control(request):
    try:
        result = call_control(request)
    except BaseException as error:  # SystemExit too: it must not end the bridge
        send(
            {
                "id": request["id"],
                "ok": False,
                "error": "%s: %s" % (type(error).__name__, error),
                "message": str(error),
                "interrupt": is_interruption(error),
                "traceback": traceback_lines(error),
            }
        )
        return
    send({"id": request["id"], "ok": True, "result": result})


def handle(request):
    op = request.get("op")
    if op == "call":
        threading.Thread(target=answer_call, args=(request,), daemon=True).start()
    elif op == "control":
        threading.Thread(target=answer_control, args=(request,), daemon=True).start()
    elif op == "inspect":
        send(
            {
                "id": request["id"],
                "ok": True,
                "result": inspect_function(request["module"], request["func"]),
            }
        )
    else:
        raise ValueError("unknown operation %r" % (op,))


class ProtocolHandler(logging.Handler):
    """Sends the records of the reference's "chaostoolkit" logger to chaos4j's log."""

    def emit(self, record):
        try:
            send({"log": record.levelname, "message": self.format(record)})
        except Exception:
            self.handleError(record)


def take_over_standard_streams():
    """Keeps the protocol on private descriptors; see the header."""
    global _channel
    requests = os.fdopen(os.dup(0), "rb")
    _channel = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return requests


def main():
    requests = take_over_standard_streams()
    # Ctrl-C reaches the whole process group: the JVM decides what to stop, not us. A Python-level
    # handler (not SIG_IGN) keeps the default for processes the functions start.
    signal.signal(signal.SIGINT, lambda number, frame: None)
    logger = logging.getLogger("chaostoolkit")
    logger.setLevel(logging.DEBUG)
    logger.addHandler(ProtocolHandler())
    logger.propagate = False
    send({"ready": True, "python": platform.python_version()})
    for line in requests:
        try:
            request = json.loads(line)
        except ValueError as error:
            send({"id": None, "ok": False, "error": error_line(error), "traceback": []})
            continue
        try:
            handle(request)
        except BaseException as error:
            send(
                {
                    "id": request.get("id"),
                    "ok": False,
                    "error": error_line(error),
                    "traceback": traceback_lines(error),
                }
            )
    # The JVM closed our input: it is done with us (or gone). Running calls end with the process.
    sys.stderr.flush()
    os._exit(0)


main()
