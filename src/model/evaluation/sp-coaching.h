/* sp-coaching.h — diagnosis and coaching (辅导), DOMAIN.md §9
 *
 * Rates are §3's: rates[i] = activity i + 1 / activity i over the work log of a window
 * (prospect→appointment, appointment→presentation, presentation→objection handled,
 * objection handled→close). A rep's weakest stage is the rate with the largest shortfall
 * team rate − rep rate, compared exactly; ties go to the earlier stage; rates undefined
 * for the rep or the team are skipped, and only a positive shortfall counts (-1: none).
 *
 * A coaching record names a rep, a skill (a key: one of the five activities "prospects",
 * "appointments", "presentations", "objections", "closes", or a funnel stage "stage:<id>"),
 * its date and either the five PESOS steps (prepare, explain, show, observe, supervise —
 * each with a date and a note) or a 工作沟通四步法 talk (problem, method, resources,
 * agreement). Its effect: the skill's rate — for an activity k ≥ 1, rates[k − 1], the
 * conversion into it — over the 30 days before the record's date (day − 30 .. day − 1)
 * against the 30 days after it (day + 1 .. day + 30). Prospecting and funnel-stage skills
 * have no work-log rate (den 0).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-evaluation.h"
#include "sp-store.h"
#include "sp-workload.h"

G_BEGIN_DECLS

#define SP_COACHING_EFFECT_DAYS 30
#define SP_PESOS_N_STEPS 5

typedef enum
{
  SP_COACHING_PESOS,
  SP_COACHING_TALK,
} SpCoachingKind;

typedef struct
{
  SpRate rep[SP_WORKLOAD_N_RATES];
  SpRate team[SP_WORKLOAD_N_RATES];
  int    weakest;   /* rate index, -1: none */
} SpDiagnosis;

typedef struct
{
  const char *day;    /* ISO date or NULL */
  const char *note;
} SpPesosStep;

#define SP_TYPE_COACHING_RECORD (sp_coaching_record_get_type ())
G_DECLARE_FINAL_TYPE (SpCoachingRecord, sp_coaching_record, SP, COACHING_RECORD, GObject)

gint64         sp_coaching_record_get_id        (SpCoachingRecord *self);
gint64         sp_coaching_record_get_rep_id    (SpCoachingRecord *self);
const char    *sp_coaching_record_get_skill     (SpCoachingRecord *self);
SpCoachingKind sp_coaching_record_get_kind      (SpCoachingRecord *self);
const char    *sp_coaching_record_get_day       (SpCoachingRecord *self);
/* The talk's four parts: 0 problem, 1 method, 2 resources, 3 agreement. */
const char    *sp_coaching_record_get_talk      (SpCoachingRecord *self,
                                                 guint             part);
/* PESOS step 0..4 (date may be NULL). */
const SpPesosStep *sp_coaching_record_get_step  (SpCoachingRecord *self,
                                                 guint             step);

/* Translated name of a PESOS step or talk part. */
const char    *sp_pesos_step_get_name           (guint step);
const char    *sp_talk_part_get_name            (guint part);
/* TRUE for a valid skill key; @out_stage (may be NULL) gets the activity, or -1 for a
 * funnel stage. */
gboolean       sp_coaching_skill_parse          (const char *skill,
                                                 int        *out_stage);

/* The weakest of @n rates (see above). */
int            sp_coaching_weakest_stage        (const SpRate *rep,
                                                 const SpRate *team,
                                                 guint         n);
/* Rep and team rates over @from .. @to and the weakest stage. */
gboolean       sp_coaching_diagnose             (SpStore      *store,
                                                 gint64        rep_id,
                                                 const GDate  *from,
                                                 const GDate  *to,
                                                 SpDiagnosis  *out,
                                                 GError      **error);
/* The skill's rate 30 days before and after @day (see above). */
gboolean       sp_coaching_effect               (SpStore      *store,
                                                 gint64        rep_id,
                                                 const char   *skill,
                                                 const GDate  *day,
                                                 SpRate       *out_before,
                                                 SpRate       *out_after,
                                                 GError      **error);

/* Records coaching (an undoable edit). @talk: 4 strings or NULL; @steps: 5 or NULL.
 * Returns the id, 0 with @error (unknown rep, bad skill). */
gint64         sp_coaching_add                  (SpStore            *store,
                                                 gint64              rep_id,
                                                 const char         *skill,
                                                 SpCoachingKind      kind,
                                                 const GDate        *day,
                                                 const char * const *talk,
                                                 const SpPesosStep  *steps,
                                                 GError            **error);
/* A rep's records (0: everyone's), by date then entry: a GListModel of SpCoachingRecord. */
GListModel    *sp_coaching_list                 (SpStore      *store,
                                                 gint64        rep_id,
                                                 GError      **error);

G_END_DECLS
