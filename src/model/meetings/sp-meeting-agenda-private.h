/* sp-meeting-agenda-private.h — what the agenda files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-meeting-agenda.h"
#include "sp-meeting-private.h"
#include "sp-region.h"

G_BEGIN_DECLS

void     sp_agenda_rank_free        (gpointer data);
void     sp_agenda_deal_free        (gpointer data);
void     sp_agenda_count_free       (gpointer data);
/* Sorts by attainment, amount, name and numbers the ranks. */
void     sp_agenda_sort_ranking     (GPtrArray        *ranking);
/* The per-working-day requirement of @rep_id in @day's fiscal month (FALSE without one). */
gboolean sp_agenda_required_per_day (SpStore          *store,
                                     const SpCalendar *calendar,
                                     gint64            rep_id,
                                     guint             n_active,
                                     const GDate      *day,
                                     const GDate      *today,
                                     gint64            per_day[SP_WORKLOAD_N_STAGES]);
gboolean sp_agenda_fill_rankings    (SpStore          *store,
                                     SpMeetingAgenda  *agenda,
                                     GError          **error);
/* sp-meeting-agenda-periods.c */
gboolean sp_agenda_fill_funnel      (SpStore          *store,
                                     SpMeetingAgenda  *agenda,
                                     GError          **error);
gboolean sp_agenda_fill_monthly     (SpStore          *store,
                                     const SpCalendar *calendar,
                                     SpMeetingAgenda  *agenda,
                                     GError          **error);
gboolean sp_agenda_fill_review      (SpStore          *store,
                                     const SpCalendar *calendar,
                                     SpMeetingAgenda  *agenda,
                                     GError          **error);
gboolean sp_agenda_fill_case        (SpStore          *store,
                                     SpMeetingAgenda  *agenda,
                                     gint64            opportunity_id,
                                     GError          **error);

G_END_DECLS
