import pytest

from pursuit.accounts.models import Seeker
from pursuit.campaigns.models import Campaign
from pursuit.campaigns.services import create_campaign, create_company


def make_campaign(seeker: Seeker, company: str = "Acme Tools", **company_kw: object) -> Campaign:
    co = create_company(seeker=seeker, name=company, **company_kw)  # type: ignore[arg-type]
    return create_campaign(seeker=seeker, company=co, role="Buyer", contact_name="Ms. Jones")


@pytest.fixture
def acme(alice: Seeker) -> Campaign:
    return make_campaign(alice)
