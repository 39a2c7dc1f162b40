// SPDX-License-Identifier: MIT
// Checks a generated plan against every rule of the generator (rules.h), independently of how the generator
// built it. Shared by the example tests and the property tests of tests/plan/.
#ifndef STRIDE_TESTS_PLAN_PLAN_CHECKS_H_
#define STRIDE_TESTS_PLAN_PLAN_CHECKS_H_

#include <string>
#include <vector>

#include "plan/generator.h"
#include "plan/plan.h"

namespace stride::plan {

/// Every rule the plan breaks, one line each ("week 3: ..."); empty when it keeps them all.
std::vector<std::string> CheckPlanRules(const PlanRequest& request, const Plan& plan);

/// The long run of each week (0 when none), in week order.
std::vector<double> LongRuns(const Plan& plan);

/// A readable dump of the plan for failure messages.
std::string DescribePlan(const Plan& plan);

}  // namespace stride::plan

#endif  // STRIDE_TESTS_PLAN_PLAN_CHECKS_H_
