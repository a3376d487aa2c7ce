-- answer_key: every planted finding of the loaded fleet, in a fixed order.
select account_id::text, resource_type, resource_id, pattern, estimated_monthly_savings::text
from seedgen.planted_waste
order by account_id, resource_type, resource_id, pattern
