"""The place gazetteer: Hindi place names resolved to district and state.

Backed by data/places.tsv. Look-ups are on folded keys, so रायगढ़ and
रायगढ, मुज़फ्फरपुर and मुजफ्फरपुर meet. A name can be ambiguous (रायगढ़
is Raigarh in Chhattisgarh and Raigad in Maharashtra): `lookup` returns
every candidate and the caller picks with context (a state named nearby).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from nlp.lexicons import read_tsv
from nlp.normalize import fold


@dataclass(frozen=True)
class PlaceEntry:
    name_hi: str
    name_en: str
    type: str  # state | union_territory | district | city | country
    district_en: Optional[str]
    state_en: Optional[str]


class Gazetteer:
    def __init__(self, entries: list[PlaceEntry]):
        self.entries = entries
        self._by_key: dict[str, list[PlaceEntry]] = defaultdict(list)
        for entry in entries:
            key = self.key(entry.name_hi)
            if entry not in self._by_key[key]:
                self._by_key[key].append(entry)
        self.max_words = max((len(k.split()) for k in self._by_key), default=1)

    @staticmethod
    def key(name: str) -> str:
        return " ".join(fold(name).lower().split())

    def lookup(self, name: str) -> list[PlaceEntry]:
        """Every place the name can be; states first, then districts."""
        return list(self._by_key.get(self.key(name), ()))

    def best(self, name: str, state_hint: Optional[str] = None) -> Optional[PlaceEntry]:
        """One reading of the name, preferring one in `state_hint`."""
        candidates = self.lookup(name)
        if state_hint:
            in_state = [c for c in candidates if c.state_en == state_hint]
            candidates = in_state or candidates
        return candidates[0] if candidates else None


@lru_cache(maxsize=None)
def gazetteer() -> Gazetteer:
    entries = [
        PlaceEntry(r["name_hi"], r["name_en"], r["type"], r["district_en"] or None, r["state_en"] or None)
        for r in read_tsv("places.tsv")
    ]
    return Gazetteer(entries)
