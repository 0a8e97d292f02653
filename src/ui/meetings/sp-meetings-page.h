/* sp-meetings-page.h — the Meetings view (会议经营): the month's meetings, the year's plan,
 * one-off meetings, overdue action items, and one meeting at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-meeting-view.h"
#include "sp-page.h"

G_BEGIN_DECLS

#define SP_TYPE_MEETINGS_PAGE (sp_meetings_page_get_type ())
G_DECLARE_FINAL_TYPE (SpMeetingsPage, sp_meetings_page, SP, MEETINGS_PAGE, SpPage)

/* The day the list calls today (the system's by default; tests pin it). Shows its month. */
void           sp_meetings_page_set_today     (SpMeetingsPage *self,
                                               const GDate    *today);
/* Shows the list of the month holding @day. */
void           sp_meetings_page_show_month    (SpMeetingsPage *self,
                                               const GDate    *day);
/* Opens meeting @meeting_id (0: back to the list). */
void           sp_meetings_page_open_meeting  (SpMeetingsPage *self,
                                               gint64          meeting_id);
SpMeetingView *sp_meetings_page_get_view      (SpMeetingsPage *self);
/* Page Up / Page Down while presenting: turns the open meeting's slides. FALSE when no
 * meeting is open or the window is not presenting (the window turns the views). */
gboolean       sp_meetings_page_step_slide    (SpMeetingsPage *self,
                                               int             step);
/* The lists, for tests: today's, upcoming and earlier meetings of the month (SpMeeting),
 * and the overdue action items (SpActionItem). */
GListModel    *sp_meetings_page_get_meetings  (SpMeetingsPage *self,
                                               guint           which);
GListModel    *sp_meetings_page_get_overdue   (SpMeetingsPage *self);

G_END_DECLS
