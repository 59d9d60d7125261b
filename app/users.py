"""Accounts of the people who share the office PC: roles, scrypt password hashes, sign-in.

The users table is local to this PC (never exchanged), so it is written with plain SQL
rather than app.records; every change and every sign-in attempt still goes to the audit log.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app import audit, auth, settings
from app.context import Ctx, User
from app.errors import DlxhError, NotFoundError, PermissionDenied, ValidationError
from app.ids import utc_now

ROLES = {"staff": "Cán bộ", "head": "Lãnh đạo ban", "admin": "Quản trị hệ thống"}
MIN_PASSWORD = 8
MAX_PASSWORD = 256
MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 5
RESERVED_NAMES = {"system", "root", "admin0"}
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")

# scrypt: 16 MiB and ~50 ms per check; a fresh salt per user; parameters stored with the hash
# so they can be raised later without locking anyone out.
_N, _R, _P, _DKLEN = 2**14, 8, 1, 32
_DUMMY_HASH: str | None = None


@dataclass(frozen=True)
class Account:
    name: str
    full_name: str
    role: str
    active: bool
    created_at: str
    last_login_at: str | None

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)


def hash_password(password: str) -> str:
    """scrypt$N$r$p$salt$hash (base64), with 16 random salt bytes."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=_DKLEN)
    return "$".join(["scrypt", str(_N), str(_R), str(_P), _b64(salt), _b64(digest)])


def verify_password(password: str, stored: str) -> bool:
    """Constant-time comparison against a stored hash; a malformed hash never matches."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r),
                                p=int(p), dklen=len(expected), maxmem=256 * 1024 * 1024)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def clean_name(name: str | None) -> str:
    value = (name or "").strip().lower()
    if not _NAME.match(value):
        raise ValidationError(
            "Tên đăng nhập gồm 2–32 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới "
            "(ví dụ: nguyenvana).", field="name")
    if value in RESERVED_NAMES:
        raise ValidationError(f"Tên đăng nhập '{value}' được dành riêng cho hệ thống.", field="name")
    return value


def check_password_rules(password: str | None) -> str:
    password = password or ""
    if len(password) < MIN_PASSWORD:
        raise ValidationError(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.", field="password")
    if len(password) > MAX_PASSWORD:
        raise ValidationError(f"Mật khẩu không được dài quá {MAX_PASSWORD} ký tự.", field="password")
    if password.strip() != password or not password.strip():
        raise ValidationError("Mật khẩu không được bắt đầu hoặc kết thúc bằng khoảng trắng.", field="password")
    return password


def _check_role(role: str | None) -> str:
    if role not in ROLES:
        raise ValidationError("Vai trò phải là một trong: staff (cán bộ), head (lãnh đạo ban), admin (quản trị).",
                              field="role")
    return role


def has_users(ctx: Ctx) -> bool:
    """False on first run: the GUI then asks for the first administrator."""
    return ctx.db.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None


def _row(ctx: Ctx, name: str) -> dict | None:
    rows = list(ctx.db.query("SELECT * FROM users WHERE name = ?", [name]))
    return rows[0] if rows else None


def _account(row: dict) -> Account:
    return Account(row["name"], row["full_name"] or "", row["role"], bool(row["active"]), row["created_at"],
                   row.get("last_login_at"))


def get(ctx: Ctx, name: str) -> Account:
    row = _row(ctx, (name or "").strip().lower())
    if row is None:
        raise NotFoundError(f"Không có tài khoản '{name}'.")
    return _account(row)


def list_users(ctx: Ctx) -> list[Account]:
    auth.require(ctx, "users")
    return [_account(r) for r in ctx.db.query("SELECT * FROM users ORDER BY name")]


def _insert(ctx: Ctx, name: str, role: str, password: str, full_name: str) -> Account:
    name, role = clean_name(name), _check_role(role)
    password = check_password_rules(password)
    full_name = " ".join((full_name or "").split())[:120]
    with ctx.transaction():
        if _row(ctx, name) is not None:
            raise ValidationError(f"Tên đăng nhập '{name}' đã có.", field="name")
        now = utc_now()
        ctx.db["users"].insert({"name": name, "full_name": full_name, "role": role,
                                "password_hash": hash_password(password), "active": 1, "created_at": now,
                                "password_changed_at": now})
        audit.record(ctx, "create", "users", name, {"role": role, "full_name": full_name})
    return get(ctx, name)


def create_first_admin(ctx: Ctx, name: str, password: str, full_name: str = "") -> Account:
    """First run only: the first account is an administrator; refused once any account exists."""
    with ctx.transaction():
        if has_users(ctx):
            raise PermissionDenied("Đã có tài khoản quản trị; hãy đăng nhập để thêm người dùng.")
        # Recorded as the new administrator's own act: nobody else is there on the first run.
        return _insert(dataclasses.replace(ctx, user=User(clean_name(name), "admin")), name, "admin", password,
                       full_name)


def add_user(ctx: Ctx, name: str, role: str, password: str, full_name: str = "") -> Account:
    auth.require(ctx, "users")
    return _insert(ctx, name, role, password, full_name)


def _active_admins(ctx: Ctx) -> int:
    return ctx.db.execute("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1").fetchone()[0]


def _change(ctx: Ctx, name: str, changes: dict, action: str, detail: dict) -> Account:
    ctx.db["users"].update(name, changes)
    audit.record(ctx, action, "users", name, detail)
    return get(ctx, name)


def set_active(ctx: Ctx, name: str, active: bool) -> Account:
    """Disable (or re-enable) an account; the last active administrator cannot be disabled."""
    auth.require(ctx, "users")
    with ctx.transaction():
        account = get(ctx, name)
        if account.active == active:
            return account
        if not active and account.role == "admin" and _active_admins(ctx) <= 1:
            raise ValidationError("Không thể vô hiệu hóa tài khoản quản trị cuối cùng.")
        if not active and account.name == ctx.user.name:
            raise ValidationError("Không thể tự vô hiệu hóa tài khoản đang đăng nhập.")
        return _change(ctx, account.name, {"active": 1 if active else 0, "failed_logins": 0, "locked_until": None},
                       "enable" if active else "disable", {"active": [account.active, active]})


def set_role(ctx: Ctx, name: str, role: str) -> Account:
    auth.require(ctx, "users")
    role = _check_role(role)
    with ctx.transaction():
        account = get(ctx, name)
        if account.role == role:
            return account
        if account.role == "admin" and account.active and _active_admins(ctx) <= 1:
            raise ValidationError("Không thể đổi vai trò của tài khoản quản trị cuối cùng.")
        return _change(ctx, account.name, {"role": role}, "role", {"role": [account.role, role]})


def change_password(ctx: Ctx, name: str, new_password: str, old_password: str | None = None) -> None:
    """Users change their own password (old one required); an administrator may reset anyone's."""
    new_password = check_password_rules(new_password)
    with ctx.transaction():
        row = _row(ctx, (name or "").strip().lower())
        if row is None:
            raise NotFoundError(f"Không có tài khoản '{name}'.")
        own = row["name"] == ctx.user.name
        if own and ctx.user.name != "system":
            if old_password is None or not verify_password(old_password, row["password_hash"]):
                raise PermissionDenied("Mật khẩu hiện tại không đúng.")
        else:
            auth.require(ctx, "users")
        _change(ctx, row["name"], {"password_hash": hash_password(new_password), "password_changed_at": utc_now(),
                                   "failed_logins": 0, "locked_until": None},
                "password", {"by": ctx.user.name, "reset": not own})


def login(ctx: Ctx, name: str, password: str) -> User:
    """Check a name and password; every attempt, good or bad, is written to the audit log.

    Unknown name and wrong password get the same message and cost the same scrypt time, so
    the dialog does not reveal which accounts exist. Five failures in a row lock the account
    for a few minutes.
    """
    typed = (name or "").strip().lower()[:64]
    password = (password or "")[:MAX_PASSWORD]
    as_user = dataclasses.replace(ctx, user=User(typed or "?", "staff"))
    with ctx.transaction():
        row = _row(ctx, typed) if typed else None
        now = datetime.now(UTC)
        if row is not None and row["locked_until"] and row["locked_until"] > now.isoformat():
            audit.record(as_user, "login_failed", "users", typed, {"reason": "locked"})
            refusal = PermissionDenied(
                f"Đăng nhập sai quá {MAX_FAILED_LOGINS} lần; tài khoản tạm khóa, hãy thử lại sau {LOCK_MINUTES} phút.")
        elif not verify_password(password, row["password_hash"] if row else _dummy_hash()) or row is None:
            refusal = DlxhError("Tên đăng nhập hoặc mật khẩu không đúng.")
            if row is not None:
                failed = row["failed_logins"] + 1
                locked = (now + timedelta(minutes=LOCK_MINUTES)).isoformat() if failed >= MAX_FAILED_LOGINS else None
                ctx.db["users"].update(typed, {"failed_logins": 0 if locked else failed, "locked_until": locked})
            audit.record(as_user, "login_failed", "users", typed or None,
                         {"reason": "wrong_password" if row else "unknown_user"})
        elif not row["active"]:
            audit.record(as_user, "login_failed", "users", typed, {"reason": "disabled"})
            refusal = PermissionDenied("Tài khoản này đã bị vô hiệu hóa; hãy liên hệ quản trị hệ thống.")
        else:
            ctx.db["users"].update(typed, {"failed_logins": 0, "locked_until": None, "last_login_at": utc_now()})
            user = User(row["name"], row["role"], row["full_name"] or "")
            audit.record(dataclasses.replace(ctx, user=user), "login", "users", typed, {"role": row["role"]})
            return user
    raise refusal


def signed_in(ctx: Ctx, user: User) -> Ctx:
    """The same open store, acting as `user` (what the GUI keeps after the login dialog)."""
    return dataclasses.replace(ctx, user=user)


def logout(ctx: Ctx, reason: str = "logout") -> None:
    """Record the end of a session (sign-out, or the idle lock)."""
    with ctx.transaction():
        audit.record(ctx, reason, "users", ctx.user.name, None)


def set_idle_lock(ctx: Ctx, minutes: int) -> None:
    """Minutes without input before the window locks (0: never); an office-wide setting."""
    auth.require(ctx, "settings")
    if not isinstance(minutes, int) or not 0 <= minutes <= 240:
        raise ValidationError("Thời gian tự khóa phải từ 0 đến 240 phút (0: không tự khóa).",
                              field="idle_lock_minutes")
    settings.put(ctx, "idle_lock_minutes", minutes)


def _dummy_hash() -> str:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password(os.urandom(8).hex())
    return _DUMMY_HASH
