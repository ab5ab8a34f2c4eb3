"""Token counts estimated without a tokenizer: about four characters of English prose a token.

No tokenizer ships with the package (the usual one downloads its tables at run time). One ratio, used
by the dry-run's cost estimate and by the long-article splitter.
"""

from __future__ import annotations

from typing import Final

CHARS_PER_TOKEN: Final = 4


def tokens_for_characters(characters: int) -> int:
    """Tokens in this many characters of prose, rounded up."""
    return -(-characters // CHARS_PER_TOKEN)
