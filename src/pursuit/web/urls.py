from django.urls import path

from pursuit.web.views import accounts, campaigns, health, interviews, today

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("", today.today, name="today"),
    path("steps/<int:pk>/outcome", today.action_outcome, name="action_outcome"),
    path("steps/<int:pk>/move", campaigns.action_move, name="action_move"),
    path("campaigns", campaigns.board, name="campaigns"),
    path("campaigns/<int:pk>", campaigns.campaign_detail, name="campaign"),
    path(
        "campaigns/<int:pk>/interviews/new",
        interviews.campaign_interview,
        name="campaign_interview",
    ),
    path("campaigns/<int:pk>/inbound", campaigns.campaign_inbound, name="campaign_inbound"),
    path("campaigns/<int:pk>/offer", campaigns.campaign_offer, name="campaign_offer"),
    path("campaigns/<int:pk>/withdraw", campaigns.campaign_withdraw, name="campaign_withdraw"),
    path("campaigns/<int:pk>/close", campaigns.campaign_close, name="campaign_close"),
    path("campaigns/<int:pk>/reopen", campaigns.campaign_reopen, name="campaign_reopen"),
    path("interviews/new", interviews.interview_new, name="interview_new"),
    path("interviews/reading", interviews.interview_reading, name="interview_reading"),
    path("setup", accounts.setup, name="setup"),
    path("signup", accounts.signup, name="signup"),
    path("login", accounts.LoginView.as_view(), name="login"),
    path("logout", accounts.logout, name="logout"),
    path("password/change", accounts.password_change, name="password_change"),
    path("password/change/done", accounts.password_change_done, name="password_change_done"),
    path("password/reset", accounts.password_reset, name="password_reset"),
    path("password/reset/sent", accounts.password_reset_done, name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>",
        accounts.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("password/reset/done", accounts.password_reset_complete, name="password_reset_complete"),
    path("settings", accounts.settings_page, name="settings"),
    path("settings/profile", accounts.settings_profile, name="settings_profile"),
    path("settings/playbook", accounts.settings_playbook, name="settings_playbook"),
    path("settings/blackouts", accounts.blackout_add, name="blackout_add"),
    path("settings/blackouts/<int:pk>/delete", accounts.blackout_delete, name="blackout_delete"),
    path("settings/invitations", accounts.invite, name="invite"),
]
