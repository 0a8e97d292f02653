/* sp-workload.h — from a sales target to a rep's daily workload (销售业绩与销售工作量推导公式)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-store.h"

G_BEGIN_DECLS

#define SP_WORKLOAD_ERROR (sp_workload_error_quark ())

typedef enum
{
  SP_WORKLOAD_ERROR_INVALID,            /* a bad input; the message names it */
  SP_WORKLOAD_ERROR_OVERFLOW,           /* a count does not fit in gint64 */
  SP_WORKLOAD_ERROR_TOO_LITTLE_HISTORY, /* neither the rep nor the team has usable history */
} SpWorkloadError;

/* The five core sales activities (销售中五项核心工作), in funnel order. */
typedef enum
{
  SP_WORKLOAD_PROSPECTS,     /* 准客户开发 */
  SP_WORKLOAD_APPOINTMENTS,  /* 客户邀约与接洽 */
  SP_WORKLOAD_PRESENTATIONS, /* 产品(服务)说明 */
  SP_WORKLOAD_OBJECTIONS,    /* 销售异议处理 */
  SP_WORKLOAD_CLOSES,        /* 促成 */
} SpWorkloadStage;

#define SP_WORKLOAD_N_STAGES 5
#define SP_WORKLOAD_N_RATES  (SP_WORKLOAD_N_STAGES - 1)

/* A rep has "too little history" in a window when it has fewer logged days or fewer orders
 * than these (see sp_workload_rates_has_enough_history()). */
#define SP_WORKLOAD_MIN_LOGGED_DAYS 20
#define SP_WORKLOAD_MIN_ORDERS      5

/* An exact conversion rate num/den, e.g. 37 appointments out of 120 prospects = 37/120.
 * A rate typed as a percentage is bp/10000. den == 0 means "no rate". Rates above 1 are
 * accepted (history can log more appointments than prospects). */
typedef struct
{
  gint64 num;
  gint64 den;
} SpRate;

typedef struct
{
  gint64 target;          /* minor units, >= 0 */
  gint64 avg_order_value; /* minor units, > 0 */
  /* rates[i] converts stage i into stage i + 1: prospect→appointment,
   * appointment→presentation, presentation→objection handled, objection handled→close. */
  SpRate rates[SP_WORKLOAD_N_RATES];
  guint  working_days;    /* > 0 */
} SpWorkloadInput;

/* Every close is one order: the chain ends at closes, and counts[SP_WORKLOAD_CLOSES] is the
 * number of orders, ceil (target / avg_order_value). Each earlier stage is
 * ceil (next stage / rate) and each per-day figure ceil (count / working_days), all in exact
 * integer arithmetic. */
typedef struct
{
  gint64 counts[SP_WORKLOAD_N_STAGES];  /* for the whole period, indexed by SpWorkloadStage */
  gint64 per_day[SP_WORKLOAD_N_STAGES]; /* per working day */
} SpWorkload;

/* What a work log says over a window. */
typedef struct
{
  gint64 sums[SP_WORKLOAD_N_STAGES]; /* activity totals, indexed by SpWorkloadStage */
  gint64 orders;                     /* 单量 */
  gint64 revenue;                    /* minor units */
  guint  logged_days;                /* distinct days with at least one entry */
  SpRate rates[SP_WORKLOAD_N_RATES]; /* sums[i + 1] / sums[i] (den 0 when sums[i] is 0) */
  gint64 avg_order_value;            /* revenue / orders, rounded half away from zero; 0 without orders */
} SpWorkloadRates;

GQuark       sp_workload_error_quark              (void);

/* Translated name of an activity ("Prospecting"). */
const char  *sp_workload_stage_get_name           (SpWorkloadStage        stage);

/* A rate typed as a percentage in basis points (3083 = 30.83%): bp/10000. */
SpRate       sp_rate_from_basis_points            (gint64                 basis_points);
/* The rate in basis points, rounded half away from zero; 0 for a rate with den 0. */
gint64       sp_rate_to_basis_points              (SpRate                 rate);

/* Derives the workload from @in. A negative target, an average order value or working days
 * of zero, or a rate that is zero, missing (den 0) or negative → FALSE with a translated
 * message naming the input (SP_WORKLOAD_ERROR_INVALID); inputs are checked even for a
 * target of 0, which otherwise gives all zeros. */
gboolean     sp_workload_compute                  (const SpWorkloadInput *in,
                                                   SpWorkload            *out,
                                                   GError               **error);

/* Fills @input from history @rates (its rates and average order value) and the given target
 * and working days. */
void         sp_workload_input_init_from_rates    (SpWorkloadInput       *input,
                                                   const SpWorkloadRates *rates,
                                                   gint64                 target,
                                                   guint                  working_days);

/* Sums rep @rep_id's work log (0: every rep, the team) from @from_iso to @to_iso, both
 * inclusive ("YYYY-MM-DD"; NULL for no bound). */
gboolean     sp_workload_rates_from_log           (SpStore               *store,
                                                   gint64                 rep_id,
                                                   const char            *from_iso,
                                                   const char            *to_iso,
                                                   SpWorkloadRates       *out,
                                                   GError               **error);

/* FALSE when @rates is "too little history": fewer than SP_WORKLOAD_MIN_LOGGED_DAYS logged
 * days, fewer than SP_WORKLOAD_MIN_ORDERS orders, an activity with a total of zero (which
 * makes a rate zero or missing) or an average order value that is not above zero. */
gboolean     sp_workload_rates_has_enough_history (const SpWorkloadRates *rates);
/* A translated sentence for the UI saying what "too little history" means. Free it. */
char        *sp_workload_describe_too_little_history (void);

/* The rep's own rates over the window, or the team's (all reps, same window) when the rep has
 * too little history; then *@used_team is TRUE. @rep_id 0 asks for the team directly
 * (*@used_team TRUE). When the team too has too little history → FALSE with
 * SP_WORKLOAD_ERROR_TOO_LITTLE_HISTORY, and @out still holds the team's figures. */
gboolean     sp_workload_rates_for_rep            (SpStore               *store,
                                                   gint64                 rep_id,
                                                   const char            *from_iso,
                                                   const char            *to_iso,
                                                   SpWorkloadRates       *out,
                                                   gboolean              *used_team,
                                                   GError               **error);

/* sp_workload_rates_for_rep() for each of the @n_reps reps of @rep_ids (0: the team) at
 * once, in two queries whatever @n_reps: @out[i] and @used_team[i] (may be NULL) as that
 * call gives them, @enough[i] (may be NULL) FALSE where it fails with
 * SP_WORKLOAD_ERROR_TOO_LITTLE_HISTORY. FALSE only for a bad window or a failing store. */
gboolean     sp_workload_rates_for_reps           (SpStore               *store,
                                                   const gint64          *rep_ids,
                                                   guint                  n_reps,
                                                   const char            *from_iso,
                                                   const char            *to_iso,
                                                   SpWorkloadRates       *out,
                                                   gboolean              *used_team,
                                                   gboolean              *enough,
                                                   GError               **error);

G_END_DECLS
