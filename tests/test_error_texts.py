"""Every error a user can cause has a text of its own, and in zh_CN it reads in Chinese.

The codes are found by reading the dms package: each call of a DomainError class, with the code
and message it passes, followed through helper functions that take the code as a parameter
(`_text(value, "picking.reason", 200)`). A new code without a text fails here.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ast
import functools
import importlib
import inspect
import re
import string
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

import dms.errors
from dms import clock
from dms.auth import authenticate
from dms.errors import DomainError
from dms.ui import error_words, i18n, messages

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "dms"
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
# Parameters a text leaves out on purpose: {code: {parameter: why}}.
DROPPED = {"auth.inactive": {"username": "the sign-in dialog shows the name just typed"}}


# --- reading the source ---------------------------------------------------------------------

class Unknown:
    """A value the reader cannot follow (an attribute, a call…)."""

    def __init__(self, where: str):
        self.where = where

    def __repr__(self):
        return f"<unknown at {self.where}>"


@dataclass(frozen=True)
class FString:
    """An f-string: its text is only known at run time, so it has no {parameters}."""

    source: str


class Module:
    def __init__(self, path: Path):
        self.path = path
        parts = path.relative_to(ROOT).with_suffix("").parts
        self.name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.parents = {child: node for node in ast.walk(self.tree)
                        for child in ast.iter_child_nodes(node)}
        self.imported = {a.asname or a.name: f"{n.module}.{a.name}" for n in ast.walk(self.tree)
                         if isinstance(n, ast.ImportFrom) and n.module for a in n.names}

    def where(self, node) -> str:
        return f"{self.path.relative_to(ROOT)}:{node.lineno}"

    def class_of(self, node) -> str | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.ClassDef):
                return node.name
        return None

    def function_of(self, node):
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return node
        return None


@functools.cache
def modules() -> tuple[Module, ...]:
    return tuple(Module(p) for p in sorted(PACKAGE.rglob("*.py")))


@functools.cache
def error_classes() -> dict[str, type]:
    """DomainError and its subclasses, by name, wherever in dms they are defined."""
    found = {c.__name__: c for c in vars(dms.errors).values()
             if inspect.isclass(c) and issubclass(c, DomainError)}
    grew = True
    while grew:
        grew = False
        for m in modules():
            for node in ast.walk(m.tree):
                if (isinstance(node, ast.ClassDef) and node.name not in found
                        and any(isinstance(b, ast.Name) and b.id in found for b in node.bases)):
                    found[node.name] = getattr(importlib.import_module(m.name), node.name)
                    grew = True
    return found


def _name(call: ast.Call) -> str | None:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


@functools.cache
def _calls() -> dict[str, list[tuple[Module, ast.Call]]]:
    """Every call in dms, by the called name."""
    found: dict[str, list] = {}
    for m in modules():
        for node in ast.walk(m.tree):
            if isinstance(node, ast.Call):
                found.setdefault(_name(node), []).append((m, node))
    return found


def _calls_of(module: Module, function):
    """Where `function` (defined in `module`) is called: same module, imported by name, or
    through its module (`stock.quantity(...)`)."""
    qualified = f"{module.name}.{function.name}"
    for m, node in _calls().get(function.name, ()):
        f = node.func
        if isinstance(f, ast.Name):
            if m is module or m.imported.get(f.id) == qualified:
                yield m, node
        elif isinstance(f.value, ast.Name):
            owner = f.value.id
            if (owner in ("self", "cls") and m is module) or m.imported.get(owner) == module.name:
                yield m, node


def _argument(function, call: ast.Call, name: str):
    """The expression `call` passes for parameter `name`; None when it passes nothing."""
    for k in call.keywords:
        if k.arg == name:
            return k.value
    positional = [a.arg for a in function.args.posonlyargs + function.args.args]
    if positional and positional[0] in ("self", "cls") and isinstance(call.func, ast.Attribute):
        positional = positional[1:]
    if name in positional and positional.index(name) < len(call.args):
        arg = call.args[positional.index(name)]
        return None if isinstance(arg, ast.Starred) else arg
    return None


def _default(function, name: str):
    args = function.args.posonlyargs + function.args.args
    defaults = dict(zip([a.arg for a in args][len(args) - len(function.args.defaults):],
                        function.args.defaults))
    defaults.update((a.arg, d) for a, d in zip(function.args.kwonlyargs, function.args.kw_defaults)
                    if d is not None)
    return defaults.get(name)


def values(module: Module, node, expr, depth: int = 0) -> set:
    """Every value `expr` (at `node`) can take: str constants, FString, or Unknown."""
    if depth > 8:
        return {Unknown(module.where(node))}
    if isinstance(expr, ast.Constant):
        return {expr.value}
    if isinstance(expr, ast.JoinedStr):
        return {FString(ast.unparse(expr))}
    if isinstance(expr, ast.IfExp):
        return values(module, node, expr.body, depth + 1) | values(module, node, expr.orelse, depth + 1)
    function = module.function_of(node)
    if isinstance(expr, ast.Name) and function is not None:
        a = function.args
        if expr.id in [p.arg for p in a.posonlyargs + a.args + a.kwonlyargs]:
            found = set()
            for m, call in _calls_of(module, function):
                passed = _argument(function, call, expr.id)
                if passed is None:
                    passed, m, call = _default(function, expr.id), module, function
                found |= (values(m, call, passed, depth + 1) if passed is not None
                          else {Unknown(m.where(call))})
            return found or {Unknown(module.where(node))}
        assigned = [n.value for n in ast.walk(function) if isinstance(n, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == expr.id for t in n.targets)]
        if assigned:
            return set().union(*(values(module, node, v, depth + 1) for v in assigned))
    return {Unknown(module.where(node))}


@dataclass(frozen=True)
class Raise:
    where: str
    codes: frozenset
    messages: frozenset
    params: frozenset  # the keyword parameters passed (None among them: **kwargs)
    words: tuple  # (parameter, value) for each constant {what} and {action}


@functools.cache
def raised() -> tuple[Raise, ...]:
    """Every construction of a DomainError class in dms, and every class's own code."""
    classes = error_classes()
    found = []
    for m in modules():
        for node in ast.walk(m.tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node)
            if name == "cls":  # an alternative constructor: `return cls("db.…", "…")`
                name = m.class_of(node)
            if name not in classes:
                continue
            cls = classes[name]
            keywords = {k.arg: k.value for k in node.keywords}
            code = node.args[0] if node.args else keywords.get("code")
            message = node.args[1] if len(node.args) > 1 else keywords.get("message")
            params = frozenset(k for k in keywords if k not in ("code", "message"))
            words = tuple((k, v) for k in ("what", "action") if k in params
                          for v in values(m, node, keywords[k]) if isinstance(v, (str, FString)))
            found.append(Raise(
                m.where(node),
                frozenset(values(m, node, code) if code is not None else {cls.code}),
                frozenset(values(m, node, message) if message is not None else {cls.default}),
                params, words))
    for cls in classes.values():
        if cls is not DomainError:
            found.append(Raise(f"class {cls.__name__}", frozenset({cls.code}),
                               frozenset({cls.default}), frozenset(_fields(cls.default)), ()))
    return tuple(found)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def all_codes() -> set[str]:
    return {c for r in raised() for c in r.codes if isinstance(c, str)}


# --- (a) every code has a text with the parameters of its English message --------------------

def test_the_reader_finds_the_codes_behind_helpers():
    codes = all_codes()
    assert len(codes) > 200
    assert {"appointment.past",  # a literal
            "picking.qty",  # a helper's default
            "stock.qty",  # passed on through two helpers
            "complaint.root_cause_required",  # a helper's parameter
            "restore.no_pg_restore",  # a helper returning the error
            "documents.glyph_missing",  # a subclass's own code
            "db.connection_lost_at_commit",  # a classmethod: cls("…")
            "workorder.invalid_transition", "not_found", "forbidden"} <= codes


def test_every_code_is_a_literal():
    unknown = [(r.where, c) for r in raised() for c in r.codes if not isinstance(c, str)]
    assert not unknown, f"codes the test cannot read (pass a string literal): {unknown}"
    starred = [r.where for r in raised() if None in r.params]
    assert not starred, f"pass error parameters by name, not **kwargs: {starred}"


def test_every_code_has_a_text_with_the_same_parameters(qapp):
    i18n.remove_translators()
    templates = messages._templates()
    problems = []
    for r in raised():
        for code in (c for c in r.codes if isinstance(c, str)):
            if code not in templates:
                problems.append(f"{code} ({r.where}): no text in dms/ui/messages.py")
                continue
            for message in r.messages:
                # An f-string or unreadable message has no {fields} left at run time.
                english = message if isinstance(message, str) else "(formatted in place)"
                error = DomainError(code, english, **{p: "x" for p in r.params})
                chosen = messages._pick(templates[code], error)
                if chosen is None:
                    problems.append(f"{code} ({r.where}): no text fits parameters "
                                    f"{sorted(r.params)}")
                    continue
                extra = _fields(chosen) - r.params
                lost = _fields(english) - _fields(chosen) - DROPPED.get(code, {}).keys()
                if extra or lost:
                    problems.append(f"{code} ({r.where}): {chosen!r} vs {english!r}: "
                                    f"needs {sorted(extra)}, leaves out {sorted(lost)}")
    assert not problems, "\n".join(problems)


def test_words_cover_what_the_services_pass():
    from dms.billing.settlement import PAYMENT_METHODS
    from dms.models.store import ROLES
    from dms.parts.old_parts import MOVES
    from dms.reports.imports import KINDS
    from dms.workshop import states

    from dms.permissions import ACTIONS
    from dms.ui import permission_words

    things, actions, statuses = (error_words.things(),
                                 error_words.actions() | permission_words.actions(),
                                 error_words.states())
    missing = []
    for r in raised():
        for param, value in r.words:
            if param == "what":
                name = value if isinstance(value, str) else _leading_text(value)
                if LATIN.search(name) and name not in things and not any(
                        name.startswith(t + " ") for t in things):
                    missing.append(f"{r.where}: what={value!r}")
            elif param == "action" and isinstance(value, str) and value not in actions:
                missing.append(f"{r.where}: action={value!r}")
    assert not missing, "\n".join(missing)
    assert set(states.STATES) <= statuses.keys()
    assert set(states.RULES) <= actions.keys()
    assert ACTIONS.keys() == permission_words.actions().keys()
    assert {f"import_{k}" for k in KINDS} <= actions.keys()
    assert set(MOVES) | {f"old_part.{k}" for k in MOVES} <= actions.keys()
    assert {s for m in MOVES.values() for s in (*m.sources, m.target)} <= statuses.keys()
    assert {"labour line", "part line", "fee line"} <= things.keys()  # NotFound(f"{kind} line")
    assert set(ROLES) <= error_words.roles().keys()
    assert set(PAYMENT_METHODS) <= error_words.payment_methods().keys()


def _leading_text(value: FString) -> str:
    """The text before the first field: "Work order" of f"Work order {order.number}"."""
    node = ast.parse(value.source, mode="eval").body
    first = node.values[0] if node.values else None
    return first.value.strip() if isinstance(first, ast.Constant) else ""


# --- (b) in zh_CN every text is Chinese ---------------------------------------------------------

def _texts() -> dict[str, str]:
    """Every text and word, keyed by where it comes from."""
    out = {}
    for code, texts in messages._templates().items():
        for i, text in enumerate((texts,) if isinstance(texts, str) else texts):
            out[f"{code}[{i}]"] = text
    for vocabulary in ("things", "actions", "states", "roles", "payment_methods", "fields",
                       "checks", "phrases"):
        for key, text in getattr(error_words, vocabulary)().items():
            out[f"{vocabulary}:{key}"] = text
    return out


def test_every_text_and_word_has_a_chinese_translation(qapp, qm_dir):
    i18n.remove_translators()
    english = _texts()
    assert i18n.install_translators("zh_CN", qm_dir)
    try:
        chinese = _texts()
    finally:
        i18n.remove_translators()
    assert chinese.keys() == english.keys()
    problems = [f"{key}: {english[key]!r} -> {chinese[key]!r}" for key in english
                if chinese[key] == english[key] or not CJK.search(chinese[key])]
    assert not problems, "untranslated:\n" + "\n".join(problems)
    assert "db.connection_lost[0]" in english and "db.unreachable[0]" in english


# --- (c) real failures read in Chinese ---------------------------------------------------------

def assert_chinese(text: str, *shown: str) -> None:
    """Chinese, with Latin letters only inside the values the message shows (`shown`)."""
    rest = text
    for value in shown:
        assert value in rest, f"{value!r} missing from {text!r}"
        rest = rest.replace(value, "")
    assert CJK.search(rest) and not LATIN.search(rest), text


def test_words_in_parameters_are_translated(zh_cn):
    from dms.workshop import states

    with pytest.raises(DomainError) as refused:
        states.transition("settle", states.READY, {"cashier"})
    assert messages.error_text(refused.value) == "不能对状态为“待结算”的工单执行“结算”。"
    with pytest.raises(DomainError) as refused:
        states.transition("qc_pass", states.QC, {"advisor"})
    assert messages.error_text(refused.value) == "您的角色无权执行此操作：质检通过。"
    conflict = dms.errors.ConcurrentChange(what="Work order WO202603020001", user="王顾问",
                                           when="2026-03-02 10:00:00")
    assert messages.error_text(conflict) == (
        "工单 WO202603020001已于 2026-03-02 10:00:00 被 王顾问 修改。请重新加载后再试。")
    stale = dms.errors.ConcurrentChange(what="Settlement of work order WO202603020001",
                                        user="?", when="?")
    assert messages.error_text(stale) == (
        "工单 WO202603020001 的结算单已于 ? 被 ? 修改。请重新加载后再试。")
    vin = dms.errors.ValidationError("vehicle.vin_invalid", "{vin} is not a valid VIN ({errors}).",
                                     vin="LSVAB", errors="vin.length, vin.bad_char")
    assert_chinese(messages.error_text(vin), "LSVAB", "I、O、Q")
    assert messages.error_text(dms.errors.ValidationError(
        "gatepass.unpaid", "The balance is neither paid nor on credit.")) == "余款既未结清，也未批准挂账。"


def test_service_failures_read_in_chinese(demo_db, zh_cn):
    from builders import received_order
    from dms.models import Part, Vehicle, Warehouse
    from dms.parts import stock
    from dms.workshop import appointments, estimates

    advisor = authenticate(demo_db, "advisor1", "demo123")
    cashier = authenticate(demo_db, "cashier1", "demo123")
    clerk = authenticate(demo_db, "warehouse1", "demo123")

    wo = received_order(demo_db, advisor, None)
    with pytest.raises(DomainError) as refused:  # not estimated yet
        estimates.approve_estimate(demo_db, advisor, wo, "王先生", "signature")
    assert messages.error_text(refused.value) == "不能对状态为“已接车”的工单执行“确认估价”。"

    with pytest.raises(DomainError) as refused:
        estimates.add_labour(demo_db, cashier, wo, "JX01")
    assert messages.error_text(refused.value) == "您的角色无权执行此操作：编辑估价。"

    with pytest.raises(DomainError) as refused:
        estimates.add_labour(demo_db, advisor, wo, "JX01", expected_version=-1)
    assert refused.value.code == "concurrent_change"
    assert_chinese(messages.error_text(refused.value), *(str(v) for v in (
        refused.value.params["what"].split(" ", 2)[-1], refused.value.params["when"])))

    with pytest.raises(DomainError) as refused:
        estimates.add_labour(demo_db, advisor, 10**9, "JX01")
    assert messages.error_text(refused.value) == f"未找到工单 {10**9}。"

    with demo_db.reading() as s:
        vehicle = s.scalars(select(Vehicle).order_by(Vehicle.id)).first()
        part = s.scalars(select(Part).where(Part.active.is_(True)).order_by(Part.id)).first()
        warehouse = s.scalars(select(Warehouse).where(Warehouse.store_id == clerk.store_id)
                              .order_by(Warehouse.id)).first()
    with pytest.raises(DomainError) as refused:
        appointments.book(demo_db, advisor, appointments.Booking(
            vehicle_id=vehicle.id, channel="phone", requested_work="首保",
            booked_for=clock.now() - timedelta(days=1)))
    assert messages.error_text(refused.value) == "预约时间必须晚于当前时间。"

    with pytest.raises(DomainError) as refused, demo_db.transaction() as s:
        stock.post_out(s, clerk, part.id, warehouse.id, Decimal("100000"), "issue")
    assert refused.value.code == "stock.insufficient"
    assert_chinese(messages.error_text(refused.value), part.code, part.name)


def test_the_bay_rules_read_in_chinese_with_the_trades_translated(zh_cn):
    from dms.workshop.dispatch import check_bay

    with pytest.raises(DomainError) as refused:
        check_bay("DQ05", "electrical", "保养工位1", "maintenance", None)
    assert messages.error_text(refused.value) == "保养工位1是保养工位；作业 DQ05（电器）应派到机修工位。"
    with pytest.raises(DomainError) as refused:
        check_bay("JX01", "mechanical", "机修工位1", "mechanical", "京A12345")
    assert messages.error_text(refused.value) == "机修工位1正忙：京A12345 正在该工位维修。"
