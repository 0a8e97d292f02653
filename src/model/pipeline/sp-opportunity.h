/* sp-opportunity.h — opportunities (商机): add, move between pipeline stages keeping the stage
 * history, update amounts and dates, and list a funnel stage's opportunities
 *
 * Every write is one undoable edit (nested inside a caller's larger edit when there is one).
 * Rules the metrics rely on (sp-metrics.h): every stage change adds an
 * opportunity_stage_history row; moving to a won or lost stage sets closed_on to the day
 * of the move, moving back to an open stage clears it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-metrics.h"
#include "sp-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *title;
  gint64  customer_id;     /* 0: none */
  char   *customer;        /* "" when none */
  gint64  rep_id;          /* 0: none */
  char   *rep;             /* "" when none */
  gint64  stage_id;
  char   *stage;
  gint64  amount;          /* minor units */
  char   *created_on;      /* ISO date */
  char   *expected_close;  /* ISO date or NULL */
  char   *closed_on;       /* ISO date or NULL */
  gint64  invoiced;
  gint64  collected;
  gint64  days_in_stage;   /* sp_opportunity_list_stage(): days since it entered the stage */
  char   *customer_class;  /* "strategic", "industry", "scattered"; "" without a customer */
  char   *intent_grade;    /* "A", "B", "C", "D" or "" */
} SpOpportunity;

void           sp_opportunity_free            (SpOpportunity          *opportunity);

/* Writes the default stages (Lead, Qualified, Proposal, Negotiation, Won, Lost) when the
 * workspace has none. */
gboolean       sp_opportunity_ensure_stages   (SpStore                *store,
                                               GError                **error);
/* The stage named @name (ignoring case), or with a default English name given in Chinese
 * (线索, 有效商机, 方案报价, 谈判, 赢单, 输单); 0 with SP_STORE_ERROR_NOT_FOUND. */
/* A stage's name as people read it: the default stages' stored English names translated. */
const char    *sp_pipeline_stage_display_name (const char             *stored);
gint64         sp_opportunity_find_stage      (SpStore                *store,
                                               const char             *name,
                                               GError                **error);

/* Adds an opportunity in @stage_id entered on @created_on (ISO), with its first history
 * row; closed_on = @created_on when the stage is won or lost. Returns its id or 0. */
gint64         sp_opportunity_add             (SpStore                *store,
                                               const char             *title,
                                               gint64                  customer_id,
                                               gint64                  rep_id,
                                               gint64                  stage_id,
                                               gint64                  amount,
                                               const char             *created_on,
                                               const char             *expected_close,
                                               GError                **error);

/* Moves opportunity @id to @stage_id on @entered_on (ISO; NULL: today), which may not be
 * before its creation or its last stage change. Adds a history row; sets closed_on for won
 * and lost stages, clears it otherwise. Moving to its current stage changes nothing. */
gboolean       sp_opportunity_set_stage       (SpStore                *store,
                                               gint64                  id,
                                               gint64                  stage_id,
                                               const char             *entered_on,
                                               GError                **error);

/* Sets amount, expected close (ISO or NULL), invoiced and collected (collected ≤ invoiced,
 * none negative). */
gboolean       sp_opportunity_update          (SpStore                *store,
                                               gint64                  id,
                                               gint64                  amount,
                                               const char             *expected_close,
                                               gint64                  invoiced,
                                               gint64                  collected,
                                               GError                **error);

/* One opportunity, or NULL with SP_STORE_ERROR_NOT_FOUND. */
SpOpportunity *sp_opportunity_get             (SpStore                *store,
                                               gint64                  id,
                                               GError                **error);

/* The opportunities behind a funnel row of sp_metrics_get_funnel() for the same filter:
 * for an open stage, those open at the period's end in that stage on that day (as many as
 * its open_count), days_in_stage counted to the period's end or today, the earlier; for a
 * won or lost stage, those in it closed in the period, days_in_stage counted to closed_on.
 * By expected close (none last), then id. A GPtrArray of SpOpportunity. */
GPtrArray     *sp_opportunity_list_stage      (SpStore                *store,
                                               const SpMetricsFilter  *filter,
                                               gint64                  stage_id,
                                               GError                **error);

/* The opportunities counted in a row of the cohort funnel (sp-metrics.h) for @filter: those
 * created in the period that reached funnel stage @stage_id (any won stage: a won stage) on
 * or before the period's last day, as many as its cohort_count; days_in_stage counted from
 * the day each entered its stage of the period's last day to the earliest of that day,
 * today and its close. By expected close (none last), then id. A GPtrArray of SpOpportunity. */
GPtrArray     *sp_opportunity_list_reached    (SpStore                *store,
                                               const SpMetricsFilter  *filter,
                                               gint64                  stage_id,
                                               GError                **error);

/* Customer classes (客户经营): strategic (战略客户), industry (行业客户), scattered (零散客户). */
typedef enum
{
  SP_CUSTOMER_CLASS_STRATEGIC,
  SP_CUSTOMER_CLASS_INDUSTRY,
  SP_CUSTOMER_CLASS_SCATTERED,
} SpCustomerClass;

#define SP_CUSTOMER_N_CLASSES (SP_CUSTOMER_CLASS_SCATTERED + 1)

/* "strategic", "industry", "scattered" (as stored) and back (-1 when unknown). */
const char    *sp_customer_class_to_string    (SpCustomerClass         klass);
int            sp_customer_class_from_string  (const char             *text);
/* The class as people read it: "Strategic customer" (战略客户). */
const char    *sp_customer_class_get_name     (SpCustomerClass         klass);

/* A pipeline stage as the opportunity editor offers it. */
typedef struct
{
  gint64  id;
  char   *name;      /* display name (sp_pipeline_stage_display_name()) */
  char   *outcome;   /* "open", "won" or "lost" */
} SpPipelineStage;

void           sp_pipeline_stage_free         (SpPipelineStage        *stage);
/* Every stage by position: open stages, then won and lost. A GPtrArray of SpPipelineStage. */
GPtrArray     *sp_opportunity_list_pipeline   (SpStore                *store,
                                               GError                **error);

/* Everything the opportunity editor sets. Strings are borrowed. */
typedef struct
{
  const char      *title;            /* not empty */
  const char      *customer;         /* customer name, "" or NULL for none; found by name or
                                      * added; its class and grade are set */
  SpCustomerClass  customer_class;
  const char      *intent_grade;     /* "A", "B", "C", "D" or "" */
  gint64           rep_id;           /* 0: none */
  gint64           amount;           /* ≥ 0 */
  const char      *created_on;       /* ISO date */
  const char      *expected_close;   /* ISO date on or after created_on, or NULL */
  gint64           stage_id;
  const char      *stage_on;         /* the day of a stage change (ISO; NULL: today); a new
                                      * opportunity enters its stage on created_on */
  gint64           invoiced;         /* ≥ 0 */
  gint64           collected;        /* ≥ 0, ≤ invoiced */
} SpOpportunityEdit;

/* Validates @edit (translated messages, SP_STORE_ERROR_INVALID) and saves it as one undo
 * step: a new opportunity when @id is 0 (sp_opportunity_add()), else opportunity @id,
 * moved by sp_opportunity_set_stage() on stage_on when its stage changes.
 * Changing created_on moves the first history row along when it was on the old date; no
 * history row may end up before created_on. Returns the opportunity's id, or 0. */
gint64         sp_opportunity_save            (SpStore                *store,
                                               gint64                  id,
                                               const SpOpportunityEdit *edit,
                                               GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpOpportunity, sp_opportunity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPipelineStage, sp_pipeline_stage_free)

G_END_DECLS
