"""The advisor's lookup finds customers and vehicles by plate, VIN, phone or name."""

import pytest
from sqlalchemy import select

from dms.auth import hash_password
from dms.crm.lookup import customer_card, search
from dms.errors import NotFound
from dms.models import Customer, Store, User, UserRole, Vehicle

from builders import login


@pytest.fixture
def advisor(demo_db):
    return login(demo_db, "advisor1")


def _advisor_of_another_store(db):
    with db.transaction() as s:
        store = Store(code="BJ02", name="北京二店")
        s.add(store)
        s.flush()
        s.add(User(store_id=store.id, username="advisor_bj02", display_name="二店顾问",
                   password_hash=hash_password("demo1234"), roles=[UserRole(role="advisor")]))
    return login(db, "advisor_bj02", "demo1234")


@pytest.fixture
def sample(demo_db):
    """A demo vehicle with a plate, and its owner."""
    with demo_db.reading() as s:
        vehicle = s.scalars(select(Vehicle).where(Vehicle.plate.is_not(None))
                            .order_by(Vehicle.id).offset(7).limit(1)).one()
        owner = s.get(Customer, vehicle.customer_id)
        return vehicle, owner


def _hits(rows, vehicle):
    return [r for r in rows if r.vehicle_id == vehicle.id]


@pytest.mark.parametrize("how", ["plate_prefix", "plate_no_province", "plate_lower_spaced",
                                 "vin_last6", "vin_full", "mobile", "mobile_last4", "name"])
def test_finds_the_vehicle_and_its_owner(demo_db, advisor, sample, how):
    vehicle, owner = sample
    text = {
        "plate_prefix": vehicle.plate[:4],
        "plate_no_province": vehicle.plate[1:],
        "plate_lower_spaced": f"{vehicle.plate[:2]} · {vehicle.plate[2:].lower()}",
        "vin_last6": vehicle.vin[-6:].lower(),
        "vin_full": vehicle.vin,
        "mobile": owner.mobile,
        "mobile_last4": owner.mobile[-4:],
        "name": owner.name,
    }[how]
    rows = search(demo_db, advisor, text, limit=200)
    [row] = _hits(rows, vehicle)
    assert (row.customer_id, row.customer_name, row.plate, row.vin) == (
        owner.id, owner.name, vehicle.plate, vehicle.vin)


def test_empty_and_wildcard_text_find_nothing(demo_db, advisor):
    assert search(demo_db, advisor, "") == []
    assert search(demo_db, advisor, "   ") == []
    assert search(demo_db, advisor, "%") == []
    assert search(demo_db, advisor, "*_?") == []


def test_pages_are_disjoint_and_ordered(demo_db, advisor):
    everything = search(demo_db, advisor, "京", limit=1000)
    assert len(everything) > 60
    pages = search(demo_db, advisor, "京", 0, 25) + search(demo_db, advisor, "京", 25, 25) + search(demo_db, advisor, "京", 50, 25)
    assert pages == everything[:75]
    names = [r.customer_name for r in everything]
    assert names == sorted(names)


def test_lookup_is_scoped_to_the_store(demo_db, advisor, sample):
    vehicle, _ = sample
    with demo_db.reading() as s:
        store_id = s.scalar(select(Store.id))
    assert _hits(search(demo_db, advisor, vehicle.plate), vehicle)
    stranger = _advisor_of_another_store(demo_db)
    assert search(demo_db, stranger, vehicle.plate) == []


def test_customer_card_lists_every_vehicle(demo_db, advisor, sample):
    vehicle, owner = sample
    card = customer_card(demo_db, advisor, owner.id)
    assert (card.name, card.mobile, card.code) == (owner.name, owner.mobile, owner.code)
    assert vehicle.id in [v.id for v in card.vehicles]
    with pytest.raises(NotFound):
        customer_card(demo_db, advisor, 10**9)


@pytest.mark.parametrize("typed", ["john", "JOHN", "John Smith", "john  smi", "ｊｏｈｎ"])
def test_ascii_names_match_in_any_case_and_by_several_words(demo_db, advisor, typed):
    from dms.crm.customers import CustomerIn, create_customer

    saved = create_customer(demo_db, advisor, CustomerIn(name="John Smith", kind="person"))
    assert saved.id in {row.customer_id for row in search(demo_db, advisor, typed)}
