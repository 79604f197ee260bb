-- A retrospective action can follow an engineering issue opened through the escalation: closed when the issue is.
alter table incident_action add column engineering_issue_id bigint references engineering_issue (id);
