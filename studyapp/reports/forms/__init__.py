"""Printed forms an office files for its study sessions, as PDF bytes (A4, embedded CJK font).

Each builder takes plain data (see `data`) and returns the PDF; nothing here touches the
database or Qt, so the services, the CLI and the tests call them alike. Rows are printed in the
order given: order names first with `studyapp.core.names.order_people`.

    build_signin_sheet(SigninData) -> bytes          签到表
    build_study_record(RecordData) -> bytes          学习记录
    build_score_sheet(ScoreSheetData) -> bytes       成绩登记表 (statistics, chart, 试题分析)
    build_personal_archive(PersonalArchiveData)      个人学习档案
    build_annual_archive(AnnualArchiveData)          年度学习记录汇编 (cover, index, all forms)
    signin_sheet_xlsx / score_sheet_xlsx -> bytes    the table forms as Excel workbooks
"""

from studyapp.reports.forms.archive import build_annual_archive
from studyapp.reports.forms.data import (
    Absence,
    AnnualArchiveData,
    ArchiveEntry,
    PersonalArchiveData,
    RecordData,
    ScoreRow,
    ScoreSheetData,
    SessionForms,
    SigninData,
    SigninRow,
)
from studyapp.reports.forms.excel import score_sheet_xlsx, signin_sheet_xlsx
from studyapp.reports.forms.personal import build_personal_archive
from studyapp.reports.forms.record import build_study_record
from studyapp.reports.forms.scores import build_score_sheet
from studyapp.reports.forms.signin import build_signin_sheet

__all__ = [
    "Absence",
    "AnnualArchiveData",
    "ArchiveEntry",
    "PersonalArchiveData",
    "RecordData",
    "ScoreRow",
    "ScoreSheetData",
    "SessionForms",
    "SigninData",
    "SigninRow",
    "build_annual_archive",
    "build_personal_archive",
    "build_score_sheet",
    "build_signin_sheet",
    "build_study_record",
    "score_sheet_xlsx",
    "signin_sheet_xlsx",
]
