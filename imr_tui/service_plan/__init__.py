"""The service plan (relapse-prevention plan) as the app reasons about it: the template of
sections (data, adaptable by a service), the content of each section, and what changed
between two versions.
"""

from imr_tui.service_plan.content import Contact, SectionValue, ServicePlanContent
from imr_tui.service_plan.loader import TemplateError, check_template, load_template
from imr_tui.service_plan.template import SectionKind, SectionSpec, ServicePlanTemplate

__all__ = ["Contact", "ServicePlanContent", "ServicePlanTemplate", "SectionKind", "SectionSpec", "SectionValue", "TemplateError", "check_template", "load_template"]
