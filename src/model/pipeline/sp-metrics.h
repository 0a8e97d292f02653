/* sp-metrics.h — the six key success factors, attainment, the funnel and the dashboard's
 * series, computed exactly from the workspace (DOMAIN.md §5–6, §9)
 *
 * Every figure is an SQL aggregation over a filter: a period [from, to] (ISO dates, both
 * inclusive), a rep (0: every rep) and a region (0: every region). Money is gint64 minor
 * units; a rate is an exact fraction SpRate {num, den} whose den is 0 when the rate is
 * undefined (nothing to divide by) — never 0 and never a crash.
 *
 * Conventions used by the definitions below:
 * - Filters. The rep filter keeps rows whose rep is that rep; the region filter keeps rows
 *   whose rep is in that region now (rep.region_id; rows of reps that moved count for their
 *   current region). With both, a row must pass both. Rows without a rep pass only when
 *   neither filter is set.
 * - An opportunity is closed when its stage's outcome is won or lost; its close date is
 *   closed_on. "Won in the period" means stage outcome won and closed_on in the period (lost
 *   likewise); an opportunity without a closed_on is never closed in a period.
 * - The funnel stages are the open stages ordered by position, then one row for the won
 *   stage(s). Lost stages are not funnel stages. An opportunity "reached" funnel stage k on
 *   the first date its stage history shows it entering stage k or any later funnel stage:
 *   an opportunity that skipped a stage (Lead → Proposal) reached the skipped one (Qualified)
 *   on the day it reached the later one.
 * - An opportunity's stage on a date D is the last stage its history shows it entering on or
 *   before D (same day: the later history row); with no such row, its current stage. It is
 *   open on D when it was created on or before D, its closed_on is empty or after D, and its
 *   stage on D is an open stage.
 * - Days between two ISO dates are calendar days (julianday difference).
 *
 * The six key success factors (六大关键成功要素), for the opportunities of the filter:
 * - Effective leads (有效线索): opportunities created in the period, except those closed as
 *   lost on the day they were created (a lead dropped the day it was logged never counted).
 * - Effective opportunities (有效商机): opportunities created in the period that entered, on
 *   or before the period's last day, a won stage or an open stage whose probability is at
 *   least SP_METRICS_EFFECTIVE_PROBABILITY_PCT.
 * - Win rate (赢单率) = won / (won + lost), counting opportunities closed in the period;
 *   undefined when none closed (all lost gives 0/n).
 * - Win cycle (赢单周期) = total days from created_on to closed_on / number won, over the
 *   opportunities won in the period; undefined when none was won.
 * - Average deal size (单产金额) = total amount won / number won in the period, rounded half
 *   away from zero to the minor unit; undefined when none was won.
 * - Collection rate (回款率) = total collected / total invoiced over the opportunities won in
 *   the period; undefined when nothing of them was invoiced (not 0).
 *
 * Attainment (达成率) = actual / target for the period. Actual is the sum of the work log's
 * revenue in the period (SP_METRICS_ACTUAL_WORKLOG_REVENUE, what the reps record daily) or
 * the amounts won in the period (SP_METRICS_ACTUAL_WON_AMOUNT). Target comes from the plans
 * of every fiscal year (workspace preferences) the period touches, for the team (no filter),
 * the rep (rep filter) or the region (region filter only): the plan's month cells of that
 * breakdown member when it has any, each month counting amount × (days of the month inside
 * the period) / (days of the month), rounded half away from zero per month; else the
 * member's year cell, or for the team the plan's target, times (days of the fiscal year
 * inside the period) / (days of the fiscal year), rounded half away from zero per year.
 * Full months and full years therefore count exactly. Quarter, week and day cells are not
 * read (they sum to the months and the year). A rep outside the filtered region, or a year
 * without a plan, adds no target. Undefined when the target is 0.
 *
 * The funnel (销售漏斗), for the opportunities of the filter:
 * - Open pipeline: per open stage, the count and total amount of opportunities open at the
 *   period's last day, in their stage on that day.
 * - Stage conversion (阶段转化率) of funnel stage k = of the opportunities that reached stage
 *   k in the period, the share that has reached stage k + 1 (at any time up to now);
 *   undefined when none reached stage k. The won row has no conversion.
 * - Overall conversion (总转化率) = of the opportunities that reached the first funnel stage
 *   in the period, the share that has reached a won stage.
 * - Days in stage (阶段停留天数, 漏斗流速) of a stage = total days / number of stays in that
 *   stage that ended in the period, a stay being a history row up to the next history row
 *   of the same opportunity (ordered by date, then row), which ends it; undefined without
 *   such stays.
 * - Sales velocity (销售速度) = open opportunities × win rate × average deal size / win
 *   cycle, in money per day: N × won × amount won / ((won + lost) × total win days),
 *   computed exactly from the exact inputs and rounded once, half away from zero. N is the
 *   open pipeline's count at the period's end; the others are the KPIs of the period.
 *   Undefined when the win rate, the average deal size or the win cycle is undefined, or
 *   the win cycle is 0 days.
 * - Weighted forecast (加权预测) = per month of expected_close, the sum over the open
 *   pipeline of amount × the probability of its stage at the period's end / 100, each
 *   opportunity rounded half away from zero before summing; opportunities without an
 *   expected close date form their own row (month 0).
 * - Cohort funnel (what the Funnel view draws, in count and amount mode alike): the cohort
 *   is the opportunities created in the period. Stage k's count is the cohort members that
 *   reached funnel stage k on or before the period's last day, its amount their total
 *   amount; the won row counts the cohort members won by then. Every count is at most the
 *   one above it, and a stage's cohort conversion is the next stage's count / its count
 *   (undefined when its count is 0); cohort overall = won row / first stage's count.
 *   Cohort members whose stage on the period's last day is a lost stage are counted aside
 *   (cohort_lost); one created directly in a lost stage reached no funnel stage. An
 *   opportunity without any stage history counts as having entered its current stage when
 *   it was created.
 * - Activity funnel (活动漏斗): the work log's totals of the five core activities in the
 *   period, and each total over the previous one (undefined when the previous is 0).
 *
 * Series: the work log's revenue per day, week (from the workspace's week start) or
 * calendar month of the period, with running totals (the burn-up); the reps ranked by
 * actual or attainment (战报); revenue per region and calendar month (the heatmap).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-store.h"
#include "sp-workload.h"

G_BEGIN_DECLS

#define SP_METRICS_ERROR (sp_metrics_error_quark ())

typedef enum
{
  SP_METRICS_ERROR_INVALID,   /* a bad filter; the message says what */
} SpMetricsError;

/* An open stage with at least this probability makes an opportunity effective (有效商机). */
#define SP_METRICS_EFFECTIVE_PROBABILITY_PCT 25

typedef enum
{
  SP_METRIC_EFFECTIVE_LEADS,
  SP_METRIC_EFFECTIVE_OPPORTUNITIES,
  SP_METRIC_WIN_RATE,
  SP_METRIC_WIN_CYCLE,
  SP_METRIC_AVERAGE_DEAL_SIZE,
  SP_METRIC_COLLECTION_RATE,
  SP_METRIC_ATTAINMENT,            /* actual from the work log's revenue */
  SP_METRIC_ATTAINMENT_WON,        /* actual from the amounts won */
  SP_METRIC_OPEN_PIPELINE,
  SP_METRIC_STAGE_CONVERSION,
  SP_METRIC_OVERALL_CONVERSION,
  SP_METRIC_DAYS_IN_STAGE,
  SP_METRIC_SALES_VELOCITY,
  SP_METRIC_WEIGHTED_FORECAST,
  SP_METRIC_ACTIVITY_FUNNEL,
  SP_METRIC_REVENUE_SERIES,
  SP_METRIC_RANKING,
  SP_METRIC_REGION_HEATMAP,
} SpMetricKind;

#define SP_METRIC_N_KINDS (SP_METRIC_REGION_HEATMAP + 1)

typedef struct
{
  GDate  from;        /* first day, inclusive */
  GDate  to;          /* last day, inclusive */
  gint64 rep_id;      /* 0: every rep */
  gint64 region_id;   /* 0: every region */
} SpMetricsFilter;

/* A money figure that may be undefined. */
typedef struct
{
  gint64   value;     /* minor units; 0 when undefined */
  gboolean defined;
} SpMetricsAmount;

typedef struct
{
  gint64          effective_leads;
  gint64          effective_opportunities;
  gint64          won;                /* won in the period */
  gint64          lost;               /* lost in the period */
  SpRate          win_rate;           /* won / (won + lost) */
  gint64          win_days;           /* total days created → won */
  SpRate          win_cycle;          /* win_days / won */
  gint64          won_amount;
  SpMetricsAmount average_deal_size;  /* won_amount / won, rounded */
  gint64          invoiced;           /* of the opportunities won in the period */
  gint64          collected;
  SpRate          collection_rate;    /* collected / invoiced */
} SpMetricsKpis;

typedef enum
{
  SP_METRICS_ACTUAL_WORKLOG_REVENUE,
  SP_METRICS_ACTUAL_WON_AMOUNT,
} SpMetricsActualBasis;

typedef struct
{
  gint64 actual;
  gint64 target;
  SpRate attainment;   /* actual / target; den 0 when the target is 0 */
} SpMetricsAttainment;

typedef struct
{
  gint64   stage_id;         /* the won row: the first won stage */
  char    *name;
  int      probability_pct;
  gboolean won;              /* the last row, for the won stage(s) */
  gint64   open_count;       /* open at the period's end (0 on the won row) */
  gint64   open_amount;
  gint64   weighted_amount;
  gint64   reached;          /* reached this stage in the period */
  SpRate   conversion;       /* advanced / reached; den 0 on the won row */
  SpRate   days_in_stage;    /* days / stays ended in the period */
  /* The cohort funnel (see above): of the opportunities created in the period, those that
   * reached this stage by the period's end, their amount, and the share of them that
   * reached the next stage (den 0 on the won row). */
  gint64   cohort_count;
  gint64   cohort_amount;
  SpRate   cohort_conversion;
} SpMetricsStage;

typedef struct
{
  int    year;               /* 0 for opportunities without an expected close date */
  int    month;              /* 1..12, or 0 */
  gint64 count;
  gint64 amount;
  gint64 weighted;
} SpMetricsForecastMonth;

typedef struct
{
  guint                   n_stages;
  SpMetricsStage         *stages;
  gint64                  open_count;
  gint64                  open_amount;
  gint64                  weighted_amount;
  gint64                  reached_first;     /* reached the first funnel stage in the period */
  gint64                  won_of_first;      /* … of which reached a won stage */
  SpRate                  overall_conversion;
  SpMetricsAmount         sales_velocity;    /* minor units per day */
  guint                   n_forecast;
  SpMetricsForecastMonth *forecast;          /* by month, no-date row first */
  /* The cohort: the opportunities created in the period; of them, those won (the won row's
   * cohort_count) and those lost by the period's end; won / the first stage's count. */
  gint64                  cohort_size;
  gint64                  cohort_size_amount;
  gint64                  cohort_lost;
  gint64                  cohort_lost_amount;
  SpRate                  cohort_overall;
} SpMetricsFunnel;

typedef struct
{
  gint64 sums[SP_WORKLOAD_N_STAGES];   /* indexed by SpWorkloadStage */
  SpRate rates[SP_WORKLOAD_N_RATES];   /* sums[i + 1] / sums[i] */
  gint64 orders;
  gint64 revenue;
} SpMetricsActivity;

typedef enum
{
  SP_METRICS_STEP_DAY,
  SP_METRICS_STEP_WEEK,
  SP_METRICS_STEP_MONTH,
} SpMetricsStep;

typedef struct
{
  GDate  start;        /* the bucket's first day (weeks and months may start before the period) */
  gint64 value;        /* revenue of the bucket's days inside the period */
  gint64 cumulative;   /* running total from the period's first day */
} SpMetricsPoint;

typedef enum
{
  SP_METRICS_RANK_BY_ACTUAL,
  SP_METRICS_RANK_BY_ATTAINMENT,   /* reps without a target last, by actual */
} SpMetricsRankOrder;

typedef struct
{
  guint  rank;         /* 1-based; equal values share a rank (1, 2, 2, 4) */
  gint64 rep_id;
  char  *name;
  gint64 region_id;    /* 0 without a region */
  gint64 actual;
  gint64 target;
  SpRate attainment;   /* actual / target */
} SpMetricsRankEntry;

typedef struct
{
  guint   n_regions;
  gint64 *region_ids;   /* 0: reps without a region (a row only when they have revenue) */
  char  **region_names;
  guint   n_months;
  GDate  *months;       /* first day of each calendar month the period touches */
  gint64 *values;       /* n_regions × n_months, row by row */
  gint64  max;          /* largest cell, for the colour scale */
} SpMetricsHeatmap;

GQuark       sp_metrics_error_quark           (void);

/* Translated short name ("Win rate") and one-sentence definition of a metric, for labels,
 * tooltips and the README. */
const char  *sp_metric_get_name               (SpMetricKind               kind);
const char  *sp_metric_get_definition         (SpMetricKind               kind);
/* Translated phrase shown instead of an undefined value ("No deals closed in this period"). */
const char  *sp_metric_get_undefined_reason   (SpMetricKind               kind);

/* A rate as a double, NAN when undefined (for charts; tests compare num and den). */
double       sp_metrics_rate_to_double        (SpRate                     rate);

/* @from .. @to, every rep and region. */
void         sp_metrics_filter_init           (SpMetricsFilter           *filter,
                                               const GDate               *from,
                                               const GDate               *to);
/* Same from ISO dates; FALSE with SP_METRICS_ERROR_INVALID for a bad date or from > to. */
gboolean     sp_metrics_filter_init_iso       (SpMetricsFilter           *filter,
                                               const char                *from,
                                               const char                *to,
                                               GError                   **error);

gboolean     sp_metrics_get_kpis              (SpStore                   *store,
                                               const SpMetricsFilter     *filter,
                                               SpMetricsKpis             *out,
                                               GError                   **error);

gboolean     sp_metrics_get_attainment        (SpStore                   *store,
                                               const SpMetricsFilter     *filter,
                                               SpMetricsActualBasis       basis,
                                               SpMetricsAttainment       *out,
                                               GError                   **error);

gboolean     sp_metrics_get_activity          (SpStore                   *store,
                                               const SpMetricsFilter     *filter,
                                               SpMetricsActivity         *out,
                                               GError                   **error);

/* @kpis: the same filter's KPIs for the sales velocity, or NULL to compute them. */
SpMetricsFunnel *sp_metrics_get_funnel        (SpStore                   *store,
                                               const SpMetricsFilter     *filter,
                                               const SpMetricsKpis       *kpis,
                                               GError                   **error);
void         sp_metrics_funnel_free           (SpMetricsFunnel           *funnel);

/* Sales velocity from its inputs (see the definition above). */
SpMetricsAmount sp_metrics_compute_velocity   (gint64                     open_count,
                                               const SpMetricsKpis       *kpis);

/* Revenue buckets covering the period, in order, zeros included: an array of
 * SpMetricsPoint. */
GArray      *sp_metrics_get_revenue_series    (SpStore                   *store,
                                               const SpMetricsFilter     *filter,
                                               SpMetricsStep              step,
                                               GError                   **error);

/* The reps of the filter employed during the period (hired on or before its end, not left
 * before its start) or with a non-zero actual in it, in rank order: a GPtrArray of
 * SpMetricsRankEntry. Targets follow the attainment rule with each rep's breakdown cells. */
GPtrArray   *sp_metrics_get_ranking           (SpStore                   *store,
                                               const SpMetricsFilter     *filter,
                                               SpMetricsActualBasis       basis,
                                               SpMetricsRankOrder         order,
                                               GError                   **error);
void         sp_metrics_rank_entry_free       (SpMetricsRankEntry        *entry);

/* Work log revenue per region (by position; only the filtered region, or the filtered rep's)
 * and calendar month of the period; the first and last months count only their days inside
 * the period. */
SpMetricsHeatmap *sp_metrics_get_region_heatmap (SpStore                 *store,
                                               const SpMetricsFilter     *filter,
                                               GError                   **error);
void         sp_metrics_heatmap_free          (SpMetricsHeatmap          *heatmap);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpMetricsFunnel, sp_metrics_funnel_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpMetricsRankEntry, sp_metrics_rank_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpMetricsHeatmap, sp_metrics_heatmap_free)

G_END_DECLS
