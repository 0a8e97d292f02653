/* sp-meeting-action.h — action items of meetings, followed up PDCA-style (计划/执行/检查/处理)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-store.h"

G_BEGIN_DECLS

/* The PDCA phase of an action item; DONE closes it. */
typedef enum
{
  SP_ACTION_PHASE_PLAN,   /* 计划 */
  SP_ACTION_PHASE_DO,     /* 执行 */
  SP_ACTION_PHASE_CHECK,  /* 检查 */
  SP_ACTION_PHASE_ACT,    /* 处理 */
  SP_ACTION_PHASE_DONE,   /* 完成 */
} SpActionPhase;

#define SP_ACTION_N_PHASES 5

/* Stable keys "plan", "do", "check", "act", "done" and translated names. */
const char *sp_action_phase_to_string   (SpActionPhase  phase);
gboolean    sp_action_phase_from_string (const char    *text,
                                         SpActionPhase *phase);
const char *sp_action_phase_get_name    (SpActionPhase  phase);

#define SP_TYPE_ACTION_ITEM (sp_action_item_get_type ())
G_DECLARE_FINAL_TYPE (SpActionItem, sp_action_item, SP, ACTION_ITEM, GObject)

/* Read-only properties of the same names: "id", "meeting-id", "meeting-day", "rep-id",
 * "rep-name", "text", "due-on", "phase" (uint), "done". */
gint64         sp_action_item_get_id          (SpActionItem *self);
gint64         sp_action_item_get_meeting_id  (SpActionItem *self);
/* ISO day of the meeting that raised it. */
const char    *sp_action_item_get_meeting_day (SpActionItem *self);
/* The owner; 0 and NULL without one. */
gint64         sp_action_item_get_rep_id      (SpActionItem *self);
const char    *sp_action_item_get_rep_name    (SpActionItem *self);
const char    *sp_action_item_get_text        (SpActionItem *self);
/* ISO date or NULL. */
const char    *sp_action_item_get_due_on      (SpActionItem *self);
SpActionPhase  sp_action_item_get_phase       (SpActionItem *self);
gboolean       sp_action_item_get_done        (SpActionItem *self);
/* Open (not done) with a due date before @today. */
gboolean       sp_action_item_is_overdue      (SpActionItem *self,
                                               const GDate  *today);

/* The items raised in meeting @meeting_id, by id; a GListModel of SpActionItem. */
GListModel    *sp_action_item_list_for_meeting (SpStore      *store,
                                                gint64        meeting_id,
                                                GError      **error);
/* The items carried into meeting @meeting_id's agenda: those not done raised in earlier
 * meetings (an earlier day and time, or the same with a smaller id), by due date (none
 * last), then id. */
GListModel    *sp_action_item_list_carried     (SpStore      *store,
                                                gint64        meeting_id,
                                                GError      **error);
/* Every item not done, by due date (none last), then id; @due_by (may be NULL) keeps those
 * due on or before it. */
GListModel    *sp_action_item_list_open        (SpStore      *store,
                                                const GDate  *due_by,
                                                GError      **error);
/* Items not done whose due date is before @today, by due date then id. */
GListModel    *sp_action_item_list_overdue     (SpStore      *store,
                                                const GDate  *today,
                                                GError      **error);

/* Adds an item to a meeting (an undoable edit, "Add action item"): @rep_id 0 for no owner,
 * @due_on NULL for no date. Refuses empty text, an unknown meeting or rep. Returns its id or
 * 0 with @error. */
gint64         sp_action_item_add             (SpStore       *store,
                                               gint64         meeting_id,
                                               gint64         rep_id,
                                               const char    *text,
                                               const GDate   *due_on,
                                               SpActionPhase  phase,
                                               GError       **error);
/* Each an undoable edit ("Edit action item"); an unchanged value records nothing. */
gboolean       sp_action_item_set_phase       (SpStore       *store,
                                               gint64         id,
                                               SpActionPhase  phase,
                                               GError       **error);
gboolean       sp_action_item_set_text        (SpStore       *store,
                                               gint64         id,
                                               const char    *text,
                                               GError       **error);
gboolean       sp_action_item_set_due_on      (SpStore       *store,
                                               gint64         id,
                                               const GDate   *due_on,
                                               GError       **error);
gboolean       sp_action_item_set_rep         (SpStore       *store,
                                               gint64         id,
                                               gint64         rep_id,
                                               GError       **error);
gboolean       sp_action_item_delete          (SpStore       *store,
                                               gint64         id,
                                               GError       **error);

G_END_DECLS
