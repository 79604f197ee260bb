-- The seeds' own templates ship as defaults; admins edit them like any other canned response.
insert into canned_response (name, body, created_at, updated_at) values
('Not an outage: into planning',
 E'Hello {{requester.name}}, thanks for sending us your request. We''ve concluded that this is not related to an outage or diminished service, so we''ll incorporate this request into our team''s work planning process. We''ll send an update when we''ve got a plan for completing this request.\n\n{{agent.name}}',
 now(), now()),
('Representative approval request',
 E'Hello,\n\nI''m cc''ing you on this support ticket we received from a member of your community. To streamline our support process, we are accepting support requests only from community representatives. Can you read through the request ({{ticket.subject}}, #{{ticket.number}}), and let us know how you wish to proceed?\n\nThanks.\n{{agent.name}}',
 now(), now()),
('Workshop request acknowledged',
 E'Hello {{requester.name}}, thanks for your workshop request. We have planned it in our tracker and will update this ticket (#{{ticket.number}}) when it is scheduled and again when it is done.\n\n{{agent.name}}',
 now(), now()),
('Confirm resolution',
 E'Hello {{requester.name}}, we believe your request "{{ticket.subject}}" (#{{ticket.number}}) is now resolved. Could you confirm that it works for you? If it does not, reply to this message and we will pick it up again.\n\n{{agent.name}}',
 now(), now());
