"""Personal data of citizens as staff lists show it."""


def mask_phone(phone: str) -> str:
    """138****1234: the first three and last four digits of a phone number, the rest hidden."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if len(digits) < 7:
        return "*" * len(digits)
    return f"{digits[:3]}{'*' * (len(digits) - 7)}{digits[-4:]}"
