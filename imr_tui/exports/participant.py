"""Everything stored about one participant as JSON, for an access request.

Every table that can hold the person's data is listed, empty ones too, so a reader can
see what was looked at. Dates are ISO; each session referred to is given with its date
and group; the access log (who opened, changed or exported the record, never what it
said) is included, because the person may ask for that as well.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from imr_tui.printing.output import write_private
from imr_tui.store.participant_data import ParticipantData

FORMAT = "imr-tui participant export"
FORMAT_VERSION = 1


def participant_as_data(data: ParticipantData, access_log: list[dict[str, Any]], exported_at: dt.datetime) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": exported_at.isoformat(),
        "participant": data.participant,
        "tables": {entry.table: list(entry.rows) for entry in data.tables},
        "sessions": {str(session_id): {"date": day, "group": group} for session_id, (day, group) in sorted(data.sessions.items())},
        "groups": {str(group_id): name for group_id, name in sorted(data.groups.items())},
        "access_log": access_log,
    }


def write_participant_json(data: ParticipantData, access_log: list[dict[str, Any]], exported_at: dt.datetime, path: Path) -> Path:
    text = json.dumps(participant_as_data(data, access_log, exported_at), ensure_ascii=False, indent=2, default=_plain)
    write_private(path, (text + "\n").encode("utf-8"))
    return path


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.time):  # datetime is a date too
        return value.isoformat()
    return str(value)
