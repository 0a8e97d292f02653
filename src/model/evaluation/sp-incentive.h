/* sp-incentive.h — incentives (激励), DOMAIN.md §9: an exact, reproducible payout preview
 *
 * - Attainment bonus (业绩达成奖金制): brackets on the plan's tiers. A rep's tier target is
 *   their base target × the plan's tier / the plan's base target (exact fraction), so a rep
 *   reaches "the sprint tier" when actual / target >= plan sprint / plan target. A bracket
 *   starts at threshold_bp of its tier (10000 = reaching it); a rep gets the one bracket,
 *   of those reached, with the highest requirement (threshold × tier; ties: the later
 *   bracket), paying rate_bp of the rep's actual revenue plus fixed_amount, rounded half
 *   away from zero to the minor unit per rep. A rep without a target reaches no bracket.
 * - New-product award (新产品突破奖励): rate_bp of the rep's revenue of the chosen products
 *   (the amounts of their opportunities of those products won in the period).
 * - Team ranking award (团队排名奖励): region_awards[k] for the regions ranked k + 1 on the
 *   period's region board (ties share the rank and each gets its award).
 * - Below-target warning (不达标淘汰机制): a rep whose attainment is below threshold_bp for
 *   N consecutive periods (a period without a target breaks a run); the latest such run is
 *   listed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-board.h"
#include "sp-store.h"
#include "sp-workload.h"

G_BEGIN_DECLS

typedef enum
{
  SP_TIER_BASE,        /* 基本目标 */
  SP_TIER_SPRINT,      /* 冲刺目标 */
  SP_TIER_CHALLENGE,   /* 挑战目标 */
} SpTier;

typedef struct
{
  SpTier tier;
  gint64 threshold_bp;   /* of the tier, >= 0 */
  gint64 rate_bp;        /* of actual revenue, >= 0 */
  gint64 fixed_amount;   /* minor units, >= 0 */
} SpBonusBracket;

typedef struct
{
  const SpBonusBracket *brackets;
  guint                 n_brackets;
  gint64                plan_target;      /* the plan's three tiers (team amounts) */
  gint64                plan_sprint;
  gint64                plan_challenge;
  gint64                new_product_rate_bp;
  const gint64         *region_awards;    /* for ranks 1 .. n_region_awards */
  guint                 n_region_awards;
} SpIncentiveRules;

typedef struct
{
  gint64  rep_id;
  char   *name;
  gint64  actual;
  gint64  target;
  int     bracket;              /* index into the rules' brackets, -1: none reached */
  gint64  attainment_bonus;
  gint64  new_product_revenue;
  gint64  new_product_award;
  gint64  total;
} SpPayoutLine;

typedef struct
{
  gint64  region_id;
  char   *name;
  guint   rank;
  gint64  amount;
} SpRegionAward;

/* The bracket reached by @actual against @target with @rules, or -1. */
int          sp_incentive_find_bracket     (const SpIncentiveRules *rules,
                                            gint64                  actual,
                                            gint64                  target);
/* One rep's line (name copied). */
void         sp_incentive_compute_line     (const SpIncentiveRules *rules,
                                            gint64                  rep_id,
                                            const char             *name,
                                            gint64                  actual,
                                            gint64                  target,
                                            gint64                  new_product_revenue,
                                            SpPayoutLine           *out);
void         sp_payout_line_clear          (SpPayoutLine           *line);

/* The latest run of at least @n_periods consecutive periods whose attainment is below
 * @threshold_bp: TRUE with its first index and length, else FALSE. */
gboolean     sp_incentive_find_below_run   (const SpRate           *attainments,
                                            guint                   n,
                                            gint64                  threshold_bp,
                                            guint                   n_periods,
                                            guint                  *out_first,
                                            guint                  *out_length);

/* The preview for @from .. @to: a GArray of SpPayoutLine (cleared with the array), reps in
 * the order of the period's ranking by attainment; @product_ids (NULL-able, @n_products)
 * choose the new products. @rules' plan tiers are used as given. */
GArray      *sp_incentive_preview          (SpStore                *store,
                                            const SpIncentiveRules *rules,
                                            const GDate            *from,
                                            const GDate            *to,
                                            const gint64           *product_ids,
                                            guint                   n_products,
                                            GError                **error);
/* Fills the plan tiers of @rules from the team plan of @day's fiscal year (zeros without). */
gboolean     sp_incentive_rules_set_plan   (SpStore                *store,
                                            const GDate            *day,
                                            SpIncentiveRules       *rules,
                                            GError                **error);
/* The team ranking awards of the region board of @from .. @to: a GArray of SpRegionAward
 * (cleared with the array), only regions with an award. */
GArray      *sp_incentive_region_awards    (SpStore                *store,
                                            const SpIncentiveRules *rules,
                                            const GDate            *from,
                                            const GDate            *to,
                                            GError                **error);
typedef struct
{
  gint64  rep_id;
  char   *name;
  GDate   from;        /* first day of the run's first period */
  GDate   to;          /* last day of its last period */
  guint   n_periods;   /* the run's length (>= the rule's N) */
} SpBelowTarget;

/* 不达标淘汰机制 over the @n_back periods of kind @period ending with the one containing
 * @day: the reps below @threshold_bp for at least @n_periods consecutive periods (their
 * latest run), in ranking order of the last period: a GArray of SpBelowTarget (cleared with
 * the array). */
GArray      *sp_incentive_below_target     (SpStore                *store,
                                            SpBoardPeriod           period,
                                            const GDate            *day,
                                            guint                   n_back,
                                            gint64                  threshold_bp,
                                            guint                   n_periods,
                                            GError                **error);

/* The preview as CSV (BOM, header, one row per rep, amounts as plain decimals in
 * @digits minor-unit digits, then a total row). */
char        *sp_incentive_preview_to_csv   (GArray                 *lines,
                                            guint                   digits);

G_END_DECLS
