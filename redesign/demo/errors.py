"""The one error the demo builder raises."""


class DemoError(Exception):
    """Loading the demo cluster failed; the message says where and why."""
