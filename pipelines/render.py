"""A plain-text view of a record for people reading a terminal."""
from __future__ import annotations

from pipelines.record import Record


def _money(value) -> str:
    return f"{value:,}"


def record_as_text(record: Record) -> str:
    lines = [f"document: {record.doc_id or '-'}   language: {record.language}"]
    dl = record.dateline
    if dl.places or dl.date:
        places = ", ".join(p.name_en or p.name_hi for p in dl.places)
        lines.append(f"dateline: {places or '-'}; {dl.date or 'no date'}")
    if record.summary_en:
        lines += ["", record.summary_en, ""]
    for officer in record.officers:
        posts = "; ".join(
            ", ".join(x for x in (p.title_en or p.title_hi, p.district_en, p.state_en) if x)
            + ("" if p.current else " (former)") for p in officer.posts
        )
        name = officer.name_en or officer.name_hi or "(unnamed)"
        lines.append(f"officer: {name}" + (f" [{officer.service}]" if officer.service else "") + (f" - {posts}" if posts else ""))
    for person in record.people:
        role = ", ".join(x for x in (person.role_en or person.role_hi, person.organization) if x)
        lines.append(f"person: {person.name_en or person.name_hi}" + (f" - {role}" if role else ""))
    for place in record.places:
        lines.append(f"place: {place.name_en or place.name_hi} ({place.type}" + (f", {place.state_en}" if place.state_en and place.state_en != place.name_en else "") + ")")
    for org in record.organizations:
        lines.append(f"organisation: {org.name_en or org.name_hi}")
    for fig in record.figures:
        what = f" of {fig.of}" if fig.of else ""
        lines.append(f"figure: {fig.text}  ->  {_money(fig.value)} {fig.unit}{what}")
    for phone in record.contacts.phones:
        lines.append(f"phone: {phone.number}")
    for email in record.contacts.emails:
        lines.append(f"email: {email.address}")
    for warning in record.warnings:
        lines.append(f"warning: {warning}")
    return "\n".join(lines)
