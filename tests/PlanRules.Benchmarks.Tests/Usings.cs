global using PlanRules.Cases;
