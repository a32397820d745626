"""The manager's KPIs for a period: `kpis()` computes plain data from plain query results,
`kpi_workbook()` renders it, one sheet per KPI, with charts where a picture reads faster.

Money is summed in Python (DESIGN §4); queries stream (`yield_per`) and only per-day, per-
advisor, per-technician and per-part totals are kept. Definitions (all for the actor's store;
the period is `date_from`…`date_to`, whole local days):

- revenue: settlements in state "settled" whose settlement time falls in the period (a
  reopened one has its invoice voided and does not count); `total` by day, by the order's
  business type, and each payer's share.
- advisor output: orders received (entry time in the period, cancelled ones left out) per
  advisor; their revenue and settled count as above; average ticket = revenue / settled.
- technician efficiency: approved jobs of orders completed (final QC passed) in the period;
  billed (flagged) hours are shared among the technicians in proportion to their clocked hours
  (all to the assigned technician when nobody clocked); efficiency = billed / actual.
- on-time completion: orders completed in the period with a promised time; on time when
  completed_at <= promised_at.
- rework rate: orders received in the period that reached QC; reworked when the audit log
  shows them entering REWORK.
- appointments: share of received orders that came from an appointment; appointments booked
  for the period by outcome; no-show rate = no-shows / (arrived + no-shows).
- parts: revenue = material net of the revenue settlements; cost of parts issued to orders
  (issues less returns) at the movement's unit cost (average cost when the ledger has none);
  stock value at the start and end of the period rebuilt from today's stock minus later
  movements, valued at today's average cost; turnover = cost / average stock value. (Revenue
  and cost have different bases, settled vs issued, so no margin is shown.)
- same-day delivery, technician utilisation, the workshop's totals, the parts fill rate and
  the reference targets: `dms.reports.kpi_rates`.
- follow-ups due in the period: reached, unreachable, open; reach rate = reached / (reached +
  unreachable); satisfaction distribution 1–5 and average; complaints opened in the period.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from sqlalchemy import BigInteger, case, func, select, type_coerce

from dms.billing.pricing import PAYERS
from dms.errors import ValidationError
from dms.models import (AuditLog, Appointment, ClockEvent, Complaint, FollowUp, LabourLine, Part,
                        Settlement, Stock, StockMovement, User, WorkOrder)
from dms.money import ZERO, money
from dms.permissions import require
from dms.reports import headers
from dms.reports import kpi_rates as rates
from dms.reports.cells import as_text
from dms.reports.exports import stream
from dms.workshop.board import pair_clock_events  # the one pairing of clock events into hours

RATE = Decimal("0.0001")
HOURS = Decimal("0.01")


def ratio(part, whole, places: Decimal = RATE) -> Decimal | None:
    return None if not whole else (Decimal(part) / Decimal(whole)).quantize(places)


def _window(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    if date_to < date_from:
        raise ValidationError("kpi.period", "The period ends before it starts.")
    start = datetime.combine(date_from, time.min).astimezone()
    return start, datetime.combine(date_to + timedelta(days=1), time.min).astimezone()


def _names(s, ids) -> dict[int, str]:
    return dict(s.execute(select(User.id, User.display_name).where(User.id.in_(list(ids)))).all()) if ids else {}


def _revenue(s, store_id, start, end, days):
    st, o = Settlement, WorkOrder
    by_day = {d: [0, ZERO] for d in days}
    by_type: dict[str, list] = defaultdict(lambda: [0, ZERO])
    by_payer = {p: ZERO for p in PAYERS}
    by_advisor: dict[int, list] = defaultdict(lambda: [0, ZERO])
    material = ZERO
    for r in stream(s, select(st.settled_at, st.total, st.customer_share, st.insurance_share,
                              st.warranty_share, st.internal_share, st.material_net,
                              o.business_type, o.advisor_id)
                    .join(o, o.id == st.work_order_id)
                    .where(st.store_id == store_id, st.state == "settled",
                           st.settled_at >= start, st.settled_at < end)):
        for bucket in (by_day[r.settled_at.astimezone().date()], by_type[r.business_type],
                       by_advisor[r.advisor_id]):
            bucket[0] += 1
            bucket[1] += r.total
        for payer, share in zip(PAYERS, r[2:6]):
            by_payer[payer] += share
        material += r.material_net
    revenue = {"orders": sum(v[0] for v in by_day.values()),
               "total": sum((v[1] for v in by_day.values()), ZERO),
               "by_day": [(d, n, t) for d, (n, t) in by_day.items()],
               "by_business_type": sorted((k, n, t) for k, (n, t) in by_type.items()),
               "by_payer": list(by_payer.items())}
    return revenue, by_advisor, material


def _received(store_id, start, end):
    """The orders received in the period (not cancelled), as a subquery of their ids: the
    KPIs of those orders join it rather than pass thousands of ids in IN (…) lists."""
    return select(WorkOrder.id).where(WorkOrder.store_id == store_id,
                                      WorkOrder.state != "CANCELLED",
                                      WorkOrder.entry_at >= start, WorkOrder.entry_at < end)


def _orders(s, received):
    """How many orders were received, per advisor, and from appointments."""
    per_advisor: Counter = Counter()
    count = from_appointment = 0
    for advisor_id, appointment_id in stream(s, received.with_only_columns(
            WorkOrder.advisor_id, WorkOrder.appointment_id)):
        count += 1
        per_advisor[advisor_id] += 1
        from_appointment += appointment_id is not None
    return count, per_advisor, from_appointment


def _advisors(s, per_advisor, by_advisor):
    names = _names(s, set(per_advisor) | set(by_advisor))
    out = []
    for advisor_id in sorted(names, key=lambda i: names[i]):
        settled, revenue = by_advisor.get(advisor_id, (0, ZERO))
        out.append({"advisor": names[advisor_id], "orders": per_advisor.get(advisor_id, 0),
                    "settled": settled, "revenue": revenue,
                    "average_ticket": money(revenue / settled) if settled else None})
    return out


def _technicians(s, store_id, start, end):
    billed: dict[int, Decimal] = defaultdict(lambda: ZERO)
    actual: dict[int, Decimal] = defaultdict(lambda: ZERO)
    jobs = (select(LabourLine.id).join(WorkOrder, WorkOrder.id == LabourLine.work_order_id)
            .where(WorkOrder.store_id == store_id, LabourLine.approval == "approved",
                   WorkOrder.completed_at >= start, WorkOrder.completed_at < end))
    clocked = pair_clock_events(s, ClockEvent.labour_line_id.in_(jobs))
    for job_id, billed_hours, technician_id in stream(s, jobs.add_columns(
            LabourLine.billed_hours, LabourLine.technician_id)):
        by_tech = {t: h for t, h in clocked.get(job_id, {}).items() if h}
        spent = sum(by_tech.values(), ZERO)
        if not spent:
            if technician_id is not None:
                billed[technician_id] += billed_hours
            continue
        for tech, hours in by_tech.items():
            actual[tech] += hours
            billed[tech] += (billed_hours * hours / spent).quantize(HOURS)
    names = _names(s, set(billed) | set(actual))
    return [{"technician": names[t], "billed_hours": billed[t], "actual_hours": actual[t],
             "efficiency": ratio(billed[t], actual[t])}
            for t in sorted(names, key=lambda i: names[i])]


def _on_time(s, store_id, start, end):
    o = WorkOrder
    completed, promised, late = 0, 0, []
    for r in stream(s, select(o.number, o.promised_at, o.completed_at, o.delay_reason)
                    .where(o.store_id == store_id, o.completed_at >= start, o.completed_at < end)
                    .order_by(o.completed_at)):
        completed += 1
        if r.promised_at is not None:
            promised += 1
            if r.completed_at > r.promised_at:
                late.append((r.number, r.promised_at, r.completed_at, r.delay_reason))
    return {"completed": completed, "with_promise": promised, "on_time": promised - len(late),
            "late": len(late), "rate": ratio(promised - len(late), promised), "late_orders": late}


def _rework(s, received):
    reached: dict[str, set[int]] = {"QC": set(), "REWORK": set()}
    for oid, state in s.execute(select(AuditLog.entity_id, AuditLog.to_state).distinct().where(
            AuditLog.entity == "work_order", AuditLog.entity_id.in_(received),
            AuditLog.to_state.in_(tuple(reached)))):
        reached[state].add(oid)
    inspected, reworked = len(reached["QC"]), len(reached["REWORK"] & reached["QC"])
    return {"inspected": inspected, "reworked": reworked, "rate": ratio(reworked, inspected)}


def _appointments(s, store_id, start, end, orders, from_appointment):
    status = Counter(dict(s.execute(
        select(Appointment.status, func.count()).where(
            Appointment.store_id == store_id, Appointment.booked_for >= start,
            Appointment.booked_for < end).group_by(Appointment.status)).all()))
    arrived, no_show = status["arrived"], status["no_show"]
    return {"orders": orders, "from_appointment": from_appointment,
            "appointment_rate": ratio(from_appointment, orders), "booked": sum(status.values()),
            "arrived": arrived, "no_show": no_show, "cancelled": status["cancelled"],
            "pending": status["booked"], "no_show_rate": ratio(no_show, arrived + no_show)}


def _raw(column):
    """A scaled column's stored integer (thousandths of a unit, ten-thousandths of a yuan…):
    rows read for a sum keep plain integers, with no Decimal made per row."""
    return type_coerce(column, BigInteger)


def _half_up(n: int, d: int) -> int:
    """n / d rounded half away from zero (ROUND_HALF_UP, as `money`), in integers."""
    whole = (abs(n) + d // 2) // d
    return whole if n >= 0 else -whole


def _fen(qty, cost) -> int:
    """money(qty × cost) in fen, from the stored integers of a quantity and a unit cost."""
    return _half_up(qty * cost, 10 ** (QTY_PLACES + COST_PLACES - 2))


QTY_PLACES, COST_PLACES = StockMovement.qty.type.places, Part.avg_cost.type.places


def _parts(s, store_id, start, end, days, material):
    m, p = StockMovement, Part
    issued = 0
    for qty, unit_cost, avg_cost in stream(s, select(_raw(m.qty), _raw(m.unit_cost), _raw(p.avg_cost))
                                           .join(p, p.id == m.part_id).where(
            m.store_id == store_id, m.kind.in_(("issue", "return")), m.work_order_id.is_not(None),
            m.at >= start, m.at < end)):
        issued -= _fen(qty, unit_cost if unit_cost is not None else avg_cost)
    issued = Decimal(issued).scaleb(-2)
    value_start, value_end = _stock_values(s, store_id, start, end)
    average = money((value_start + value_end) / 2)
    turnover = ratio(issued, average, HOURS)
    return {"parts_revenue": material, "cost_of_parts": issued,
            "stock_start": value_start, "stock_end": value_end, "stock_average": average,
            "turnover": turnover,
            "turnover_annual": None if turnover is None else (turnover * 365 / len(days)).quantize(HOURS)}


def _stock_values(s, store_id, start, end) -> tuple[Decimal, Decimal]:
    """The store's stock value at the start and at the end of the period: each part's quantity
    then (today's on hand less the movements since) × its average cost today, rounded to the
    fen per part. Two grouped reads (the movements only from the period's start), multiplied
    and rounded in Python integers: exact, and no Decimal per row for 20,000 parts."""
    m, p = StockMovement, Part
    moved = {part: (int(after or 0), int(during or 0)) for part, after, during in s.execute(
        select(p.id, func.sum(case((m.at >= end, _raw(m.qty)), else_=0)),
               func.sum(case((m.at < end, _raw(m.qty)), else_=0)))
        .join(m, m.part_id == p.id).where(p.store_id == store_id, m.at >= start)
        .group_by(p.id))}
    fen_start = fen_end = 0
    for part, cost, on_hand in s.execute(
            select(p.id, _raw(p.avg_cost), func.sum(_raw(Stock.on_hand)))
            .outerjoin(Stock, Stock.part_id == p.id).where(p.store_id == store_id)
            .group_by(p.id, p.avg_cost)):
        after, during = moved.get(part, (0, 0))
        qty_end = int(on_hand or 0) - after
        fen_end += _fen(qty_end, cost)
        fen_start += _fen(qty_end - during, cost)
    return Decimal(fen_start).scaleb(-2), Decimal(fen_end).scaleb(-2)


def _follow_ups(s, store_id, start, end):
    status: Counter = Counter()
    scores = Counter({n: 0 for n in range(1, 6)})
    for st, score in stream(s, select(FollowUp.status, FollowUp.satisfaction).where(
            FollowUp.store_id == store_id, FollowUp.due_at >= start, FollowUp.due_at < end)):
        status[st] += 1
        if st == "done" and score is not None:
            scores[score] += 1
    rated = sum(scores.values())
    complaints = s.scalar(select(func.count(Complaint.id)).where(
        Complaint.store_id == store_id, Complaint.created_at >= start, Complaint.created_at < end))
    unreached = status["unreachable"] + status["escalated"]  # escalated: not reached 3 times
    return {"due": sum(status.values()), "done": status["done"], "unreachable": unreached,
            "open": status["open"], "reach_rate": ratio(status["done"], status["done"] + unreached),
            "distribution": dict(sorted(scores.items())),
            "average_satisfaction": ratio(sum(n * c for n, c in scores.items()), rated, HOURS),
            "complaints": complaints}


def kpis(db, actor, date_from: date, date_to: date) -> dict:
    """Every KPI of the period as plain data (dicts, lists, tuples, Decimals, dates)."""
    start, end = _window(date_from, date_to)
    days = [date_from + timedelta(days=n) for n in range((date_to - date_from).days + 1)]
    store = actor.store_id
    with db.reading(streamed=True) as s:
        require(s, actor, "report.kpi")
        revenue, by_advisor, material = _revenue(s, store, start, end, days)
        received = _received(store, start, end)
        orders, per_advisor, from_appointment = _orders(s, received)
        technicians = _technicians(s, store, start, end)
        utilised = rates.utilisation(s, stream, store, start, end)
        return {
            "period": {"from": date_from, "to": date_to, "days": len(days)},
            "revenue": revenue,
            "advisors": _advisors(s, per_advisor, by_advisor),
            "technicians": technicians,
            "utilisation": utilised,
            "workshop": rates.workshop(technicians, utilised),
            "on_time": _on_time(s, store, start, end),
            "same_day": rates.same_day(s, stream, store, start, end),
            "rework": _rework(s, received),
            "appointments": _appointments(s, store, start, end, orders, from_appointment),
            "parts": _parts(s, store, start, end, days, material),
            "fill": rates.fill_rate(s, received),
            "follow_ups": _follow_ups(s, store, start, end),
        }


# -- rendering ---------------------------------------------------------------------------------

FMT = {"money": "#,##0.00", "rate": "0.0%", "hours": "0.00", "date": "yyyy-mm-dd",
       "datetime": "yyyy-mm-dd hh:mm", "int": "0", "num": "0.00", "text": None}
BOLD = Font(bold=True)


class _Sheet:
    def __init__(self, wb: Workbook, key: str, lang: str, period: dict):
        self.ws, self.lang, self.row = wb.create_sheet(headers.sheet(key, lang)[:31]), lang, 3
        self.ws["A1"] = headers.sheet(key, lang)
        self.ws["A1"].font = Font(bold=True, size=14)
        self.ws["A2"] = f"{headers.label('period', lang)}: {period['from']:%Y-%m-%d} – {period['to']:%Y-%m-%d}"
        self.ws.column_dimensions["A"].width = 24
        for letter in "BCDEF":
            self.ws.column_dimensions[letter].width = 16

    def _put(self, row, col, value, kind):
        if isinstance(value, datetime):
            value = value.astimezone().replace(tzinfo=None, microsecond=0)
        cell = as_text(self.ws.cell(row=row, column=col, value=value))  # names are user text
        if FMT.get(kind):
            cell.number_format = FMT[kind]
        return cell

    def pairs(self, items) -> None:
        """Label / value rows: items of (label key, value, kind)."""
        self.row += 1
        for key, value, kind in items:
            self.ws.cell(row=self.row, column=1, value=headers.label(key, self.lang)).font = BOLD
            self._put(self.row, 2, value, kind)
            self.row += 1

    def table(self, columns, rows, title: str | None = None) -> tuple[int, int]:
        """columns: (label key or literal header, kind); returns (header row, last row)."""
        self.row += 1
        if title:
            self.ws.cell(row=self.row, column=1, value=headers.label(title, self.lang)).font = BOLD
            self.row += 1
        top = self.row
        for n, (key, _kind) in enumerate(columns, start=1):
            text = headers.label(key, self.lang) if key in headers.LABELS else key
            self.ws.cell(row=top, column=n, value=text).font = BOLD
        for values in rows:
            self.row += 1
            for n, (value, (_key, kind)) in enumerate(zip(values, columns), start=1):
                self._put(self.row, n, value, kind)
        self.row += 1
        return top, self.row - 1

    def bar_chart(self, top, last, data_cols, anchor, title_key, y_key) -> None:
        if last <= top:
            return
        chart = BarChart()
        chart.title = headers.label(title_key, self.lang)
        chart.y_axis.title = headers.label(y_key, self.lang)
        chart.height, chart.width = 8, 16
        for col in data_cols:
            chart.add_data(Reference(self.ws, min_col=col, min_row=top, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(self.ws, min_col=1, min_row=top + 1, max_row=last))
        self.ws.add_chart(chart, anchor)


def kpi_workbook(db, actor, date_from: date, date_to: date, path, lang: str = "zh_CN") -> None:
    """Render `kpis()` to an .xlsx at `path` (file name or binary file object)."""
    k = kpis(db, actor, date_from, date_to)
    wb = Workbook()
    wb.remove(wb.active)
    period, rev = k["period"], k["revenue"]

    sh = _Sheet(wb, "kpi_revenue", lang, period)
    sh.pairs([("settled", rev["orders"], "int"), ("revenue", rev["total"], "money")])
    top, last = sh.table([("day", "date"), ("settled", "int"), ("revenue", "money")], rev["by_day"])
    sh.bar_chart(top, last, [3], "E3", "revenue", "revenue")
    word = lambda code: headers.value("key", code, lang)  # noqa: E731 - body_paint: its word
    sh.table([("key", "text"), ("settled", "int"), ("revenue", "money")],
             [(word(k), n, v) for k, n, v in rev["by_business_type"]], "by_business_type")
    sh.table([("key", "text"), ("revenue", "money")],
             [(word(k), v) for k, v in rev["by_payer"]], "by_payer")

    sh = _Sheet(wb, "kpi_advisors", lang, period)
    top, last = sh.table([(headers.column("advisor", lang), "text"), ("orders", "int"),
                          ("settled", "int"), ("revenue", "money"), ("average_ticket", "money")],
                         [tuple(a.values()) for a in k["advisors"]])
    sh.bar_chart(top, last, [4], "G3", "revenue", "revenue")

    sh = _Sheet(wb, "kpi_technicians", lang, period)
    top, last = sh.table([(headers.column("technician", lang), "text"), ("billed_hours", "hours"),
                          ("actual_hours", "hours"), ("efficiency", "rate")],
                         [tuple(t.values()) for t in k["technicians"]])
    sh.bar_chart(top, last, [2, 3], "F3", "efficiency", "actual_hours")
    top, last = sh.table([(headers.column("technician", lang), "text"), ("clocked_hours", "hours"),
                          ("days_present", "int"), ("available_hours", "hours"),
                          ("utilisation", "rate")],
                         [tuple(t.values()) for t in k["utilisation"]], "utilisation")
    sh.bar_chart(top, last, [5], f"G{max(top, 20)}", "utilisation", "utilisation")  # below the first
    ws = k["workshop"]
    sh.pairs([(key, ws[key], "hours") for key in ("billed_hours", "actual_hours")]
             + [("efficiency", ws["efficiency"], "rate"), ("target", rates.TARGETS["efficiency"], "rate")]
             + [(key, ws[key], "hours") for key in ("clocked_hours", "available_hours")]
             + [("utilisation", ws["utilisation"], "rate"),
                ("target", rates.TARGETS["utilisation"], "rate")])

    sh = _Sheet(wb, "kpi_on_time", lang, period)
    ot = k["on_time"]
    sh.pairs([(key, ot[key], "int") for key in ("completed", "with_promise", "on_time", "late")]
             + [("rate", ot["rate"], "rate"), ("target", rates.TARGETS["on_time"], "rate")])
    sd = k["same_day"]
    sh.pairs([("delivered", sd["delivered"], "int"), ("same_day", sd["same_day"], "int"),
              ("same_day_rate", sd["rate"], "rate"), ("target", rates.TARGETS["same_day"], "rate")])
    sh.table([(headers.column(c, lang), kind) for c, kind in (
        ("work_order_number", "text"), ("promised_at", "datetime"), ("completed_at", "datetime"),
        ("delay_reason", "text"))], ot["late_orders"], "late")

    sh = _Sheet(wb, "kpi_rework", lang, period)
    rw = k["rework"]
    sh.pairs([("inspected", rw["inspected"], "int"), ("reworked", rw["reworked"], "int"),
              ("rate", rw["rate"], "rate")])

    sh = _Sheet(wb, "kpi_appointments", lang, period)
    ap = k["appointments"]
    sh.pairs([("orders", ap["orders"], "int"), ("from_appointment", ap["from_appointment"], "int"),
              ("appointment_rate", ap["appointment_rate"], "rate")]
             + [(key, ap[key], "int") for key in ("booked", "arrived", "no_show", "cancelled", "pending")]
             + [("no_show_rate", ap["no_show_rate"], "rate")])

    sh = _Sheet(wb, "kpi_parts", lang, period)
    pt = k["parts"]
    sh.pairs([(key, pt[key], "money") for key in ("parts_revenue", "cost_of_parts", "stock_start", "stock_end", "stock_average")]
             + [("turnover", pt["turnover"], "num"), ("turnover_annual", pt["turnover_annual"], "num")])
    fill = k["fill"]
    sh.pairs([("parts_asked", fill["lines"], "int"), ("parts_filled", fill["filled"], "int"),
              ("fill_rate", fill["rate"], "rate"), ("target", rates.TARGETS["fill_rate"], "rate")])

    sh = _Sheet(wb, "kpi_follow_ups", lang, period)
    fu = k["follow_ups"]
    sh.pairs([(key, fu[key], "int") for key in ("due", "done", "unreachable", "open")]
             + [("reach_rate", fu["reach_rate"], "rate"),
                ("average_satisfaction", fu["average_satisfaction"], "num"),
                ("complaints", fu["complaints"], "int")])
    top, last = sh.table([("score", "int"), ("count", "int")], list(fu["distribution"].items()))
    sh.bar_chart(top, last, [2], "E3", "satisfaction", "count")
    wb.save(path)
