"""Study sessions (学习会). The records issue extends this module."""

from __future__ import annotations

from studyapp.services.context import AppContext
from studyapp.services.dto import SessionInfo


def list_sessions(ctx: AppContext) -> list[SessionInfo]:
    raise NotImplementedError


def get_session(ctx: AppContext, session_id: int) -> SessionInfo:
    raise NotImplementedError
