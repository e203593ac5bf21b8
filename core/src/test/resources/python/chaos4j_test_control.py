"""A control module for chaos4j's tests, written as controls for the reference are.

Every hook it declares appends a JSON line to the file named by CHAOS4J_CONTROL_LOG; some change
what they are given, so that the tests see the changes come back into the run.
"""
import json
import os


class InterruptExecution(Exception):
    """Stands for chaoslib.exceptions.InterruptExecution: chaos4j recognises it by its name."""


def _log(event, **details):
    with open(os.environ["CHAOS4J_CONTROL_LOG"], "a") as f:
        f.write(json.dumps(dict(event=event, **details), sort_keys=True) + "\n")


def configure_control(experiment, configuration, secrets, settings, event_registry=None, **arguments):
    _log(
        "configure",
        title=experiment["title"],
        arguments=arguments,
        configuration=configuration,
        settings=settings,
        event_registry=event_registry,
    )


def before_experiment_control(context, state=None, **arguments):
    _log("before_experiment", title=context["title"], state=state, arguments=sorted(arguments))


def after_experiment_control(context, state, **arguments):
    state["added_by_python"] = context["title"]


def before_activity_control(context, configuration, extensions, experiment, **arguments):
    _log(
        "before_activity",
        name=context["name"],
        arguments=arguments,
        extensions=extensions,
        title=experiment["title"],
    )
    configuration["last_seen"] = context["name"]
    context["touched_by_python"] = True
    if arguments.get("interrupt_before") == context["name"]:
        raise InterruptExecution("python control stops the run")
    if arguments.get("fail_before") == context["name"]:
        raise ValueError("python control is broken")


def after_activity_control(context, state, **arguments):
    state["seen_by_python"] = context["name"]


def after_hypothesis_control(context, state, **arguments):
    state["checked_by_python"] = context["title"]


def after_method_control(context, state, **arguments):
    state.append("not a run record")


def cleanup_control():
    _log("cleanup")


def validate_control(control):
    if control["provider"].get("arguments", {}).get("invalid"):
        raise ValueError("this control is invalid")
