namespace PlanRules.Fhir; internal static class Placeholder {}
