/* sp-meeting-view.h — one meeting: its type's wording, its agenda filled with the
 * workspace's figures, minutes per section, attendees and action items; slides when presenting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-workspace.h"

G_BEGIN_DECLS

#define SP_TYPE_MEETING_VIEW (sp_meeting_view_get_type ())
G_DECLARE_FINAL_TYPE (SpMeetingView, sp_meeting_view, SP, MEETING_VIEW, GtkWidget)

GtkWidget *sp_meeting_view_new            (void);
void       sp_meeting_view_set_workspace  (SpMeetingView *self,
                                           SpWorkspace   *workspace);
/* Shows meeting @meeting_id (0: none). */
void       sp_meeting_view_set_meeting    (SpMeetingView *self,
                                           gint64         meeting_id);
gint64     sp_meeting_view_get_meeting    (SpMeetingView *self);
/* Re-reads the meeting and its agenda (the workspace changed); keeps the slide shown and
 * the minutes being typed. */
void       sp_meeting_view_reload         (SpMeetingView *self);
/* Slides: one per section, paged when presenting. */
void       sp_meeting_view_set_presenting (SpMeetingView *self,
                                           gboolean       presenting);
gboolean   sp_meeting_view_get_presenting (SpMeetingView *self);
/* Moves @step slides; FALSE when there is no further slide that way. */
gboolean   sp_meeting_view_step_slide     (SpMeetingView *self,
                                           int            step);
const char *sp_meeting_view_get_slide     (SpMeetingView *self);
void       sp_meeting_view_set_slide      (SpMeetingView *self,
                                           const char    *name);

G_END_DECLS
