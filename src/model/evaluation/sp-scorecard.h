/* sp-scorecard.h — the scorecard (绩效考核), DOMAIN.md §9
 *
 * Indicators with weights (basis points) summing to exactly 10000 (100 %); each indicator's
 * score = min (attainment, cap) × 100 (cap default 120 %; an indicator without a target, or
 * with a negative actual, scores 0); the total = Σ weight × score, rounded half away from
 * zero to 0.1, computed exactly (scores and totals are returned in tenths: 1053 = 105.3).
 *
 * The workspace stores a weight and a monthly target per rep for each indicator, and the
 * cap. A rep's scorecard for whole calendar months [from, to]: revenue is the plan's
 * attainment (sp-metrics, work-log revenue); the other indicators' actuals are the work log's
 * sums in the period (new customers, orders, amount collected, and activity = the five core
 * activities together) against the monthly target × the number of months.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-evaluation.h"
#include "sp-store.h"
#include "sp-workload.h"

G_BEGIN_DECLS

typedef enum
{
  SP_INDICATOR_REVENUE,        /* 销售额达成 */
  SP_INDICATOR_NEW_CUSTOMERS,  /* 客户开发量 */
  SP_INDICATOR_ORDERS,         /* 单量 */
  SP_INDICATOR_COLLECTION,     /* 回款 */
  SP_INDICATOR_ACTIVITY,       /* 五项核心工作 */
} SpIndicator;

#define SP_N_INDICATORS 5
#define SP_SCORECARD_DEFAULT_CAP_BP 12000

typedef struct
{
  gint64 weight_bp[SP_N_INDICATORS];       /* sum 10000 */
  gint64 monthly_target[SP_N_INDICATORS];  /* per rep; unused for revenue (the plan's) */
  gint64 cap_bp;                           /* >= 0 */
} SpScorecardConfig;

typedef struct
{
  SpIndicator indicator;
  gint64      weight_bp;
  gint64      actual;
  gint64      target;
  SpRate      attainment;   /* den 0 without a target */
  gint64      score_tenths; /* min (attainment, cap) × 100, rounded to 0.1 */
} SpScoreLine;

typedef struct
{
  SpScoreLine lines[SP_N_INDICATORS];
  gint64      total_tenths;
} SpScorecard;

const char  *sp_indicator_get_name         (SpIndicator indicator);   /* translated */
const char  *sp_indicator_to_string        (SpIndicator indicator);   /* "revenue" … */
gboolean     sp_indicator_from_string      (const char  *text,
                                            SpIndicator *out);

/* FALSE with SP_EVALUATION_ERROR_INVALID unless every weight is >= 0 and they sum to 10000. */
gboolean     sp_scorecard_check_weights    (const gint64 *weights_bp,
                                            guint         n,
                                            GError      **error);
/* min (attainment, cap) × 100 in tenths, rounded half away from zero; 0 when undefined. */
gint64       sp_scorecard_score_tenths     (SpRate        attainment,
                                            gint64        cap_bp);
/* Σ weight × min (attainment, cap) × 100 in tenths, exact then rounded once. */
gboolean     sp_scorecard_total_tenths     (const SpScoreLine *lines,
                                            guint         n,
                                            gint64        cap_bp,
                                            gint64       *out_tenths,
                                            GError      **error);

/* The workspace's configuration (default: revenue 100 %, cap 120 %). */
gboolean     sp_scorecard_get_config       (SpStore            *store,
                                            SpScorecardConfig  *out,
                                            GError            **error);
/* Replaces it (an undoable edit); refuses weights not summing to 100 %, negatives. */
gboolean     sp_scorecard_set_config       (SpStore                 *store,
                                            const SpScorecardConfig *config,
                                            GError                 **error);
/* A rep's scorecard for the whole months @from .. @to. */
gboolean     sp_scorecard_evaluate         (SpStore            *store,
                                            gint64              rep_id,
                                            const GDate        *from,
                                            const GDate        *to,
                                            SpScorecard        *out,
                                            GError            **error);

G_END_DECLS
