// compute_parts.h: the two halves of the compute domain, EC2 (instances, autoscaling groups) and
// containers + Lambda (clusters, nodes, services, functions). compute.cc builds and emits both halves
// through these entry points; each half owns its own streams, so neither shifts the other's draws.
#pragma once

namespace seedgen {

struct World;
struct AccountModel;
class RowWriter;

void build_ec2(const World&, AccountModel&);
void build_containers_and_lambda(const World&, AccountModel&);
void emit_ec2_metrics(const World&, const AccountModel&, RowWriter&);
void emit_ec2_tags(const World&, const AccountModel&, RowWriter&);
void emit_container_lambda_metrics(const World&, const AccountModel&, RowWriter&);
void emit_container_lambda_tags(const World&, const AccountModel&, RowWriter&);

}  // namespace seedgen
