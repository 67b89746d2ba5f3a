"""The shared database: a data folder can point at a PostgreSQL server instead of its own SQLite
file (a county's 组织部 with several PCs keeping one set of records).

The data folder keeps where the server is (database.json: host, port, database, user — never the
password) and, apart, the password (database.secret, readable by this user only: mode 0600; on
Windows the data folder under %LOCALAPPDATA% is the user's own). The database itself never holds
it. No file: the folder's own SQLite database, as always.

Plain Python (no Qt, no SQLAlchemy import at module level): AppContext reads it when it opens.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

CONFIG = "database.json"
SECRET = "database.secret"
DEFAULT_PORT = 5432
_NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,63}$")


class SharedConfigError(ValueError):
    """A server setting that cannot be used; the message is Chinese and shown as-is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class SharedDatabase:
    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT
    password: str = ""

    def url(self, *, with_password: bool = True) -> str:
        """The SQLAlchemy URL (psycopg 3). A host starting with / is a Unix socket folder."""
        auth = quote(self.user, safe="")
        if with_password and self.password:
            auth += ":" + quote(self.password, safe="")
        if self.host.startswith("/"):
            return f"postgresql+psycopg://{auth}@/{quote(self.database, safe='')}?host={quote(self.host, safe='/')}&port={self.port}"
        return f"postgresql+psycopg://{auth}@{self.host}:{self.port}/{quote(self.database, safe='')}"

    def describe(self) -> str:
        """What the window and the CLI show: 服务器 host:port 上的数据库 name（用户 user）."""
        where = self.host if self.host.startswith("/") else f"{self.host}:{self.port}"
        return f"PostgreSQL 服务器 {where} 上的数据库“{self.database}”（用户 {self.user}）"

    def checked(self) -> SharedDatabase:
        """Raises SharedConfigError for a setting that cannot be a server's."""
        if not self.host.strip():
            raise SharedConfigError("请填写数据库服务器的地址（如 192.168.1.10）。")
        if not re.match(r"^(/[\w./\-]+|[A-Za-z0-9.\-:\[\]]+)$", self.host.strip()):
            raise SharedConfigError(f"服务器地址“{self.host}”不正确：只能是 IP 地址或主机名。")
        if not 1 <= int(self.port) <= 65535:
            raise SharedConfigError(f"端口“{self.port}”不正确，应在 1～65535 之间（PostgreSQL 默认 5432）。")
        if not _NAME.match(self.database):
            raise SharedConfigError(f"数据库名“{self.database}”不正确：只能用字母、数字、下划线、点和减号。")
        if not _NAME.match(self.user):
            raise SharedConfigError(f"用户名“{self.user}”不正确：只能用字母、数字、下划线、点和减号。")
        return SharedDatabase(self.host.strip(), self.database, self.user, int(self.port), self.password)


def read(data_dir: Path) -> SharedDatabase | None:
    """The server this data folder uses, or None (its own SQLite file). A configuration that
    cannot be read is an error, never a silent fall-back to an empty local database."""
    path = Path(data_dir) / CONFIG
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        config = SharedDatabase(str(data["host"]), str(data["database"]), str(data["user"]),
                                int(data.get("port", DEFAULT_PORT)))
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise SharedConfigError(f"共享数据库的设置文件“{path}”无法读取（{e}）。"
                                "请在 文件 → 数据库… 中重新填写，或删除该文件改用本机数据库。") from e
    secret = Path(data_dir) / SECRET
    password = ""
    if secret.is_file():
        try:
            password = secret.read_text(encoding="utf-8").rstrip("\n")
        except OSError as e:
            raise SharedConfigError(f"共享数据库的密码文件“{secret}”无法读取（{e.strerror or e}）。") from e
    return SharedDatabase(config.host, config.database, config.user, config.port, password).checked()


def write(data_dir: Path, config: SharedDatabase) -> None:
    """Keep `config` for this data folder: the password apart, readable by this user only."""
    config = config.checked()
    folder = Path(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    secret = folder / SECRET
    if config.password:
        fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(config.password)
        os.chmod(secret, 0o600)  # (an older file kept its mode through O_CREAT)
    elif secret.exists():
        secret.unlink()
    data = {"host": config.host, "port": config.port, "database": config.database, "user": config.user}
    tmp = folder / (CONFIG + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, folder / CONFIG)


def clear(data_dir: Path) -> None:
    """Back to the folder's own SQLite database (the server's data stays on the server)."""
    for name in (CONFIG, SECRET):
        path = Path(data_dir) / name
        if path.exists():
            path.unlink()
