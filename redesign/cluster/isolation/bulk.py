"""Register confined copies of Wagtail's bulk actions in place of Wagtail's own."""

from wagtail import hooks


def register_confined_bulk_actions(mixin: type, actions: tuple[type, ...], module: str) -> None:
    """Register, for each action, a subclass with the mixin in front; it replaces Wagtail's."""
    for action in actions:
        # a later registration of the same action type replaces Wagtail's in the registry
        hooks.register(
            "register_bulk_action",
            type(
                action.__name__,
                (mixin, action),
                {"__module__": module, "__doc__": f"{action.__name__}, confined."},
            ),
            order=100,
        )
