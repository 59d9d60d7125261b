"""Accounts: scrypt hashes, first administrator, sign-in (audited), lockout, disabling."""

from __future__ import annotations

import pytest

from app import audit, users
from app.errors import DlxhError, PermissionDenied, ValidationError


def test_hash_is_salted_scrypt_and_verifies() -> None:
    first, second = users.hash_password("mat-khau-1"), users.hash_password("mat-khau-1")
    assert first.startswith("scrypt$") and first != second  # a fresh salt each time
    assert users.verify_password("mat-khau-1", first)
    assert not users.verify_password("mat-khau-2", first)
    assert not users.verify_password("mat-khau-1", "scrypt$broken")
    assert not users.verify_password("mat-khau-1", "")


def test_first_admin_only_once(office) -> None:
    assert not users.has_users(office)
    admin = users.create_first_admin(office, "QuanTri", "quantri-123", "Nguyễn Văn Quản")
    assert (admin.name, admin.role, admin.full_name) == ("quantri", "admin", "Nguyễn Văn Quản")
    with pytest.raises(PermissionDenied):
        users.create_first_admin(office, "khac", "quantri-123")
    stored = office.db.execute("SELECT password_hash FROM users WHERE name = 'quantri'").fetchone()[0]
    assert "quantri-123" not in stored and stored.startswith("scrypt$")


@pytest.mark.parametrize("name", ["", "a", "có dấu", "system", "x" * 40, "tên/gạch"])
def test_bad_names_refused_in_vietnamese(office, name: str) -> None:
    with pytest.raises(ValidationError) as info:
        users.add_user(office, name, "staff", "mat-khau-dai")
    assert "Tên đăng nhập" in info.value.message


@pytest.mark.parametrize("password", ["", "ngan", " dau-cach-o-dau", "x" * 300])
def test_bad_passwords_refused(office, password: str) -> None:
    with pytest.raises(ValidationError) as info:
        users.add_user(office, "lan", "staff", password)
    assert "Mật khẩu" in info.value.message
    assert not users.has_users(office)


def test_duplicate_and_bad_role_refused(office) -> None:
    users.add_user(office, "lan", "staff", "mat-khau-dai")
    with pytest.raises(ValidationError):
        users.add_user(office, "LAN", "head", "mat-khau-dai")
    with pytest.raises(ValidationError):
        users.add_user(office, "minh", "boss", "mat-khau-dai")


def test_login_success_and_failures_are_audited(office) -> None:
    users.add_user(office, "lan", "head", "mat-khau-dai", "Trần Thị Lan")
    user = users.login(office, " Lan ", "mat-khau-dai")
    assert (user.name, user.role, user.full_name) == ("lan", "head", "Trần Thị Lan")
    with pytest.raises(DlxhError) as wrong:
        users.login(office, "lan", "sai-mat-khau")
    with pytest.raises(DlxhError) as unknown:
        users.login(office, "khongco", "sai-mat-khau")
    assert wrong.value.message == unknown.value.message == "Tên đăng nhập hoặc mật khẩu không đúng."
    logged = [(e.user, e.action, (e.detail or {}).get("reason")) for e in audit.entries(office, table="users")]
    assert ("lan", "login", None) in logged
    assert ("lan", "login_failed", "wrong_password") in logged
    assert ("khongco", "login_failed", "unknown_user") in logged
    assert users.get(office, "lan").last_login_at


def test_lockout_after_repeated_failures(office) -> None:
    users.add_user(office, "lan", "staff", "mat-khau-dai")
    for _ in range(users.MAX_FAILED_LOGINS):
        with pytest.raises(DlxhError):
            users.login(office, "lan", "sai-mat-khau")
    with pytest.raises(PermissionDenied) as info:
        users.login(office, "lan", "mat-khau-dai")  # even the right password waits out the lock
    assert "tạm khóa" in info.value.message
    office.db.execute("UPDATE users SET locked_until = '2000-01-01T00:00:00+00:00' WHERE name = 'lan'")
    assert users.login(office, "lan", "mat-khau-dai").name == "lan"


def test_disabled_account_cannot_sign_in(office, as_role) -> None:
    users.create_first_admin(office, "quantri", "quantri-123")
    users.add_user(office, "lan", "staff", "mat-khau-dai")
    admin = as_role(office, "admin", "quantri")
    users.set_active(admin, "lan", False)
    with pytest.raises(PermissionDenied) as info:
        users.login(office, "lan", "mat-khau-dai")
    assert "vô hiệu hóa" in info.value.message
    users.set_active(admin, "lan", True)
    assert users.login(office, "lan", "mat-khau-dai").role == "staff"
    actions = [e.action for e in audit.entries(office, table="users", user="quantri")]
    assert "disable" in actions and "enable" in actions


def test_last_admin_is_protected(office, as_role) -> None:
    users.create_first_admin(office, "quantri", "quantri-123")
    other = as_role(office, "admin", "phu")
    with pytest.raises(ValidationError):
        users.set_active(other, "quantri", False)
    with pytest.raises(ValidationError):
        users.set_role(other, "quantri", "staff")
    users.add_user(office, "phu", "admin", "mat-khau-dai")
    with pytest.raises(ValidationError):  # nobody disables the account they are signed in with
        users.set_active(as_role(office, "admin", "quantri"), "quantri", False)
    users.set_active(other, "quantri", False)
    assert not users.get(office, "quantri").active


def test_change_own_password_needs_the_old_one(office, as_role) -> None:
    users.add_user(office, "lan", "staff", "mat-khau-dai")
    users.add_user(office, "minh", "staff", "mat-khau-dai")
    lan = as_role(office, "staff", "lan")
    with pytest.raises(PermissionDenied):
        users.change_password(lan, "lan", "mat-khau-moi", old_password="sai-mat-khau")
    with pytest.raises(PermissionDenied):  # staff cannot reset a colleague's password
        users.change_password(lan, "minh", "mat-khau-moi")
    users.change_password(lan, "lan", "mat-khau-moi", old_password="mat-khau-dai")
    assert users.login(office, "lan", "mat-khau-moi").name == "lan"
    users.change_password(as_role(office, "admin", "quantri"), "minh", "dat-lai-123")
    assert users.login(office, "minh", "dat-lai-123").name == "minh"
    detail = [e.detail for e in audit.entries(office, action="password")]
    assert {"by": "quantri", "reset": True} in detail
    assert all("mat-khau" not in str(d) for d in detail)


def test_audit_log_cannot_be_edited(office) -> None:
    import sqlcipher3

    users.add_user(office, "lan", "staff", "mat-khau-dai")
    for sql in ("UPDATE audit_log SET user = 'khac'", "DELETE FROM audit_log"):
        with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
            office.db.execute(sql)
    assert [e.user for e in audit.entries(office, table="users")] == ["system"]
