"""Query codes (查询码): unguessable, easy to read aloud and to type on a phone."""

import secrets

# No 0/O, 1/I/L: a code read over the phone or copied by hand comes back the same.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 12  # 31**12 ≈ 8×10^17: lookups are rate-limited, guessing one is hopeless


def new_code() -> str:
    """A fresh random query code."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize(code: str) -> str:
    """A code as typed (spaces, dashes, lower case) back to its stored form."""
    return "".join(ch for ch in code.upper() if ch.isalnum())[: LENGTH + 4]
