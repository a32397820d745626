"""A signature drawn on the screen (a pen, a finger or the mouse): the customer's on the
check-in sheet and on the estimate's approval. Strokes are lists of (x, y), each 0–1 of the
pad, y down; what is kept is JSON with the time. No Qt."""

from __future__ import annotations

import json

from dms import clock
from dms.errors import ValidationError

MAX_STROKES, MAX_POINTS = 200, 5000  # a signature, not a drawing


def signature_json(strokes) -> str:
    """The strokes checked and stamped with the time, as stored; refused when nothing (or more
    than a signature) was drawn, or a point lies off the pad."""
    clean = []
    for stroke in strokes or ():
        points = [(round(float(x), 4), round(float(y), 4)) for x, y in stroke]
        if any(not (0 <= v <= 1) for point in points for v in point):
            raise ValidationError("checkin.signature_bad", "The signature is not on the pad.")
        if len(points) >= 2:
            clean.append(points)
    if not clean:
        raise ValidationError("checkin.signature_empty", "The customer has not signed yet.")
    if len(clean) > MAX_STROKES or sum(map(len, clean)) > MAX_POINTS:
        raise ValidationError("checkin.signature_too_long", "That is more than a signature; "
                              "clear the pad and sign again.")
    return json.dumps({"strokes": clean, "signed_at": clock.now().isoformat()})
