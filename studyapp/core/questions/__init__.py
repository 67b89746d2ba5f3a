"""Question generation and checking (pure core: no Qt, no SQL).

Importing this package is cheap: the segmenter (rjieba) loads on first use, inside
generate_bank/verify, never at import time.
"""

from __future__ import annotations

from studyapp.core.questions.bank import generate_bank
from studyapp.core.questions.model import BLANK, QUESTION_TYPES, TAGS, TYPE_NAMES, BankResult, Question
from studyapp.core.questions.verify import DocIndex, is_negative, verify

__all__ = ["BLANK", "QUESTION_TYPES", "TAGS", "TYPE_NAMES", "BankResult", "DocIndex", "Question",
           "generate_bank", "is_negative", "verify"]
