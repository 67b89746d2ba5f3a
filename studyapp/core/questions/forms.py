"""The forms of question a careful teacher sets on a rule, each with its own checks.

Every builder takes a unit (a sentence with its context) and returns candidates: a question,
a quality score and what the question gives away (`keys`, for the paper/bank leak checks).
A builder returns nothing rather than a doubtful question: the stem must carry its subject
(the list's lead-in, the heading's topic), the blank or choice must sit on a whole term that
is specific to this rule and not a formula of the document, and every option must be of the
same kind as the key — numbers from the document's own ladder inside the sentence's range,
bodies from the document's own bodies, list items from the document's other lists.
"""

from __future__ import annotations

from studyapp.core.questions.form_bodies import BodyForms
from studyapp.core.questions.form_figures import FigureForms
from studyapp.core.questions.form_fills import QuotedForms
from studyapp.core.questions.form_headings import HeadingForms
from studyapp.core.questions.form_judges import JudgeForms
from studyapp.core.questions.form_lists import ListForms
from studyapp.core.questions.form_measures import MeasureForms
from studyapp.core.questions.form_owners import OwnerForms
from studyapp.core.questions.form_statements import StatementForms
from studyapp.core.questions.formbase import Candidate, FormBase, tags_for

__all__ = ["Candidate", "Forms", "tags_for"]


class Forms(FigureForms, BodyForms, QuotedForms, JudgeForms, StatementForms, ListForms, HeadingForms, OwnerForms,
            MeasureForms, FormBase):
    """Question builders over one document's lexicon: every family of forms (form_*.py) on the
    helpers they share (formbase.FormBase)."""
