"""Customer import: codes unique in the store, mobiles stored as digits and unique too.

A code already in the store updates that customer: the customers export read back changes the
rows it holds. Only the columns the sheet has are written; an empty cell in one of them empties
the field (name and type, which every customer has, are kept). A mobile may not be another
customer's."""

from __future__ import annotations

from dms.crm.identifiers import is_mobile, normalise_phone
from dms.models import Customer
from dms.parts.catalogue import normalise_scan
from dms.reports.imports.common import Kind, duplicates, lookup
from dms.reports.imports.sheet import CellError, Choice, Column, Text, day, text


def customer_code(value):
    s = text(value, 20)
    return None if s is None else normalise_scan(s)


def _mobile(value):
    s = text(value, 30)
    if s is None:
        return None
    if not is_mobile(s):
        raise CellError("phone.not_mobile", value=s)
    return normalise_phone(s)


def _email(value):
    s = text(value, 100)
    if s is not None and (s.count("@") != 1 or " " in s or s.startswith("@") or s.endswith("@")):
        raise CellError("import.email", value=s)
    return s


_KIND = Choice({"个人": "person", "单位": "company", "公司": "company", "企业": "company",
                "person": "person", "individual": "person", "company": "company"},
               "个人/单位 (person/company)")
_GENDER = Choice({"男": "M", "女": "F", "m": "M", "f": "F", "male": "M", "female": "F"},
                 "男/女 (M/F)")

COLUMNS = (
    Column("code", "客户编号", "customer code", customer_code, required=True,
           aliases=("客户代码", "code")),
    Column("name", "姓名", "name", Text(100), required=True, aliases=("名称", "客户名称", "客户姓名")),
    Column("kind", "类型(个人/单位)", "type", _KIND, aliases=("客户类型", "kind", "类型")),
    Column("gender", "性别", "gender", _GENDER, aliases=("sex",)),
    Column("mobile", "手机", "mobile", _mobile, aliases=("手机号", "手机号码", "mobile phone")),
    Column("home_phone", "住宅电话", "home phone", Text(30), aliases=("家庭电话",)),
    Column("office_phone", "办公电话", "office phone", Text(30), aliases=("单位电话",)),
    Column("address", "地址", "address", Text(200), width=30),
    Column("postcode", "邮编", "postcode", Text(10), aliases=("邮政编码", "zip")),
    Column("employer", "单位", "employer", Text(100), aliases=("工作单位",), width=24),
    Column("title", "职务", "title", Text(40), aliases=("job title",)),
    Column("id_number", "证件号", "id number", Text(30, upper=True), aliases=("身份证号", "证件号码"),
           width=20),
    Column("birthday", "生日", "birthday", day, aliases=("出生日期", "date of birth")),
    Column("email", "邮箱", "email", _email, aliases=("电子邮件", "e-mail", "电子邮箱")),
    Column("notes", "备注", "notes", Text(2000), width=30),
)
KEPT = {"name", "kind"}  # an empty cell does not empty these on an update


def check(s, actor, rows, errors):
    """Codes and mobiles unique in the file; a mobile not another customer's. Returns the
    ids of the codes already in the store (code → id): those rows update."""
    store = Customer.store_id == actor.store_id
    duplicates(rows, "code", errors)
    duplicates(rows, "mobile", errors)
    codes = {r.values["code"] for r in rows if r.values.get("code") and "code" not in r.bad}
    existing = {code: cid for cid, code in lookup(s, (Customer.id, Customer.code), Customer.code,
                                                  codes, store)}
    mobiles = {r.values["mobile"] for r in rows if r.values.get("mobile") and "mobile" not in r.bad}
    holder = {mobile: cid for cid, mobile in lookup(s, (Customer.id, Customer.mobile),
                                                    Customer.mobile, mobiles, store)}
    for row in rows:
        mobile = row.values.get("mobile")
        if mobile in holder and "mobile" not in row.bad \
                and holder[mobile] != existing.get(row.values.get("code")):
            errors.add(row.number, "mobile", "import.duplicate_in_db", value=mobile)
            row.bad.add("mobile")
    return existing


def write(s, actor, rows, existing) -> dict:
    new, updated = [], 0
    for row in rows:
        cid = existing.get(row.values["code"])
        if cid is None:
            new.append(Customer(store_id=actor.store_id,
                                **{k: v for k, v in row.values.items() if v is not None}))
            continue
        customer = s.get(Customer, cid)
        for key in row.raw:  # the columns the sheet has
            value = row.values.get(key)
            if key != "code" and not (value is None and key in KEPT):
                setattr(customer, key, value)
        updated += 1
    s.add_all(new)
    s.flush()
    return {"first_id": new[0].id if new else None, "last_id": new[-1].id if new else None,
            "updated": updated}


KIND = Kind("customers", "客户", "Customers", COLUMNS,
            check, write)
