"""Facts about the database itself, such as whether it holds demo data only."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class StoreInfo(SQLModel, table=True):
    __tablename__ = "store_info"

    key: str = Field(primary_key=True)
    value: str


DEMO_KEY = "contents"
DEMO_VALUE = "demo"
