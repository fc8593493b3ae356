import pytest

from pursuit.accounts.models import Seeker
from pursuit.accounts.services import create_seeker
from pursuit.campaigns.models import Campaign
from pursuit.campaigns.services import create_campaign, create_company


@pytest.fixture
def alice(db: None) -> Seeker:
    return create_seeker(email="alice@example.com", password="pw-alice-1", name="Alice Moreau")


@pytest.fixture
def bob(db: None) -> Seeker:
    return create_seeker(email="bob@example.com", password="pw-bob-1", name="Bob Okafor")


def make_campaign(seeker: Seeker, company: str = "Acme Tools", **company_kw: object) -> Campaign:
    co = create_company(seeker=seeker, name=company, **company_kw)  # type: ignore[arg-type]
    return create_campaign(seeker=seeker, company=co, role="Buyer", contact_name="Ms. Jones")


@pytest.fixture
def acme(alice: Seeker) -> Campaign:
    return make_campaign(alice)
