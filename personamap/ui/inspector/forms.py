"""Which form edits what: the inspector dock asks here once something is selected."""

from __future__ import annotations

from ...canvas.target import Target
from ...model import ops
from .base import Form, FormContext
from .element_forms import ConnectorForm, ImageForm, NoteForm, PersonaCardForm, TextForm, element_of
from .journey_forms import (
    EmpathyMapForm,
    EmpathyNoteForm,
    JourneyForm,
    JourneyNoteForm,
    LaneForm,
    StageForm,
    StepForm,
)
from .persona_form import PersonaForm
from .source_form import SourceForm


def form_for(ctx: FormContext, target: Target, board_id: str | None = None) -> Form | None:
    """The form that edits what `target` names, or None when nothing can be edited there."""
    project, kind, owner = ctx.project, target.kind, target.owner
    try:
        if kind == "element":
            board = owner or board_id or ""
            element = element_of(project, board, target.id)
            simple = {"note": NoteForm, "text": TextForm, "image": ImageForm, "connector": ConnectorForm}
            if element.type == "persona_card":
                return PersonaCardForm(ctx, board, target.id, element.persona_id)
            if element.type in simple:
                return simple[element.type](ctx, board, target.id)
            if element.type == "journey_map":
                return JourneyForm(ctx, element.map_id)
            if element.type == "empathy_map":
                return EmpathyMapForm(ctx, element.map_id)
            return None
        if kind == "persona":
            return PersonaForm(ctx, target.id) if project.persona(target.id) else None
        if kind == "source":
            return SourceForm(ctx, target.id) if project.source(target.id) else None
        if kind == "journey":
            return JourneyForm(ctx, target.id)
        if kind == "empathy_map":
            return EmpathyMapForm(ctx, target.id)
        if owner is None:
            return None
        nested = {
            "stage": StageForm,
            "step": StepForm,
            "emotion": StepForm,
            "lane": LaneForm,
            "journey_note": JourneyNoteForm,
            "empathy_note": EmpathyNoteForm,
        }
        maker = nested.get(kind)
        form = maker(ctx, owner, target.id) if maker else None
        return form if form is None or form.alive(project) else None
    except (LookupError, ops.OpError):
        return None
