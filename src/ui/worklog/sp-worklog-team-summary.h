/* sp-worklog-team-summary.h — the team's work-log summary (团队汇总): every number field of
 * the log over a week or a month, rep by rep, per region and for the whole team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-page.h"
#include "sp-worklog.h"
#include "sp-worklog-summary-row.h"

G_BEGIN_DECLS

#define SP_TYPE_WORKLOG_TEAM_SUMMARY (sp_worklog_team_summary_get_type ())
G_DECLARE_FINAL_TYPE (SpWorklogTeamSummary, sp_worklog_team_summary, SP, WORKLOG_TEAM_SUMMARY,
                      SpPage)

GtkWidget       *sp_worklog_team_summary_new             (void);
/* Shows the week or month (SP_WORKLOG_PERIOD_WEEK or _MONTH) containing @day. */
void             sp_worklog_team_summary_set_day         (SpWorklogTeamSummary *self,
                                                          const GDate          *day);
void             sp_worklog_team_summary_set_period      (SpWorklogTeamSummary *self,
                                                          SpWorklogPeriod       period);
SpWorklogPeriod  sp_worklog_team_summary_get_period      (SpWorklogTeamSummary *self);
/* The period shown, both days included. */
void             sp_worklog_team_summary_get_range       (SpWorklogTeamSummary *self,
                                                          GDate                *first,
                                                          GDate                *last);
/* Moves to the period before (@delta -1) or after (+1). */
void             sp_worklog_team_summary_step            (SpWorklogTeamSummary *self,
                                                          int                   delta);
/* The rows: the team's total first, then each region's subtotal followed by its reps. A
 * GListModel of SpWorklogSummaryRow, for tests. */
GListModel      *sp_worklog_team_summary_get_rows        (SpWorklogTeamSummary *self);
/* The text a cell of @field shows for @row's value. Free it. */
char            *sp_worklog_team_summary_format_value    (SpWorklogTeamSummary *self,
                                                          SpWorklogField        field,
                                                          gint64                value);

/* The label the table shows for @row's @field (-1: its name) while it is on screen, else
 * NULL; for tests. */
GtkLabel        *sp_worklog_team_summary_get_cell        (SpWorklogTeamSummary *self,
                                                          SpWorklogSummaryRow  *row,
                                                          int                   field);

G_END_DECLS
