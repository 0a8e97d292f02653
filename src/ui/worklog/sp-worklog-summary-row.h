/* sp-worklog-summary-row.h — one row of the team's work-log summary: a rep's, a region's
 * subtotal or the team's total of every number field over a week or a month
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sp-worklog.h"

G_BEGIN_DECLS

typedef enum
{
  SP_WORKLOG_SUMMARY_ROW_REP,
  SP_WORKLOG_SUMMARY_ROW_REGION,  /* a region's subtotal */
  SP_WORKLOG_SUMMARY_ROW_TEAM,    /* the team's total */
} SpWorklogSummaryRowKind;

#define SP_TYPE_WORKLOG_SUMMARY_ROW (sp_worklog_summary_row_get_type ())
G_DECLARE_FINAL_TYPE (SpWorklogSummaryRow, sp_worklog_summary_row, SP, WORKLOG_SUMMARY_ROW,
                      GObject)

/* @totals: SP_WORKLOG_N_VALUES totals indexed by SpWorklogField. */
SpWorklogSummaryRow     *sp_worklog_summary_row_new       (SpWorklogSummaryRowKind  kind,
                                                           gint64                   id,
                                                           const char              *name,
                                                           const gint64            *totals);
SpWorklogSummaryRowKind  sp_worklog_summary_row_get_kind  (SpWorklogSummaryRow     *self);
/* The rep's or the region's id; 0 for the team. */
gint64                   sp_worklog_summary_row_get_id    (SpWorklogSummaryRow     *self);
const char              *sp_worklog_summary_row_get_name  (SpWorklogSummaryRow     *self);
gint64                   sp_worklog_summary_row_get_total (SpWorklogSummaryRow     *self,
                                                           SpWorklogField           field);
/* Adds @totals (SP_WORKLOG_N_VALUES) into the row's. */
void                     sp_worklog_summary_row_add       (SpWorklogSummaryRow     *self,
                                                           const gint64            *totals);

G_END_DECLS
