package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Language;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.notification.NotificationChannel;
import id.webrana.cloud.application.port.in.NotificationsUseCase;
import id.webrana.cloud.application.port.in.NotificationsUseCase.Preferences;
import id.webrana.cloud.application.port.in.NotificationsUseCase.TelegramLink;
import id.webrana.cloud.domain.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /portal/settings.xhtml}: the language of messages (and of the portal), the optional channels (email,
 * Telegram), and linking a Telegram chat through a one-time deep link.
 */
@Named
@ViewScoped
public class SettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Instance<NotificationsUseCase> notifications;
    @Inject
    CurrentUser me;
    @Inject
    Language language;

    private String chosenLanguage;
    private List<String> channels = new ArrayList<>();
    private boolean telegramLinked;
    private boolean telegramAvailable;
    private String deepLink;
    private String deepLinkExpires;

    @PostConstruct
    void init() {
        if (isAvailable()) {
            show(notifications.get().preferences(me.id()));
        } else {
            chosenLanguage = language.getCode();
        }
    }

    private void show(Preferences p) {
        chosenLanguage = p.language();
        channels = new ArrayList<>(p.enabledChannels().stream().map(Enum::name).sorted().toList());
        telegramLinked = p.telegramLinked();
        telegramAvailable = p.telegramAvailable();
    }

    public boolean isAvailable() {
        return notifications.isResolvable();
    }

    public void save() {
        Set<NotificationChannel> chosen = EnumSet.noneOf(NotificationChannel.class);
        channels.forEach(c -> chosen.add(NotificationChannel.parse(c)));
        try {
            if (isAvailable()) {
                show(notifications.get().updatePreferences(me.id(), chosenLanguage, chosen));
            }
            language.use(chosenLanguage);
            Texts.info("settings.saved");
        } catch (DomainException e) {
            Texts.error(e);
        }
    }

    public void linkTelegram() {
        try {
            TelegramLink link = notifications.get().startTelegramLink(me.id());
            deepLink = link.deepLink();
            deepLinkExpires = Formats.dateTime(link.expiresAt());
        } catch (DomainException e) {
            Texts.error(e);
        }
    }

    public void unlinkTelegram() {
        if (notifications.get().unlinkTelegram(me.id())) {
            Texts.info("settings.telegram.unlinked");
        }
        show(notifications.get().preferences(me.id()));
    }

    /** The optional channels a customer can choose. */
    public List<String> getChannelChoices() {
        return List.of(NotificationChannel.EMAIL.name(), NotificationChannel.TELEGRAM.name());
    }

    public String getChosenLanguage() {
        return chosenLanguage;
    }

    public void setChosenLanguage(String chosenLanguage) {
        this.chosenLanguage = chosenLanguage;
    }

    public List<String> getChannels() {
        return channels;
    }

    public void setChannels(List<String> channels) {
        this.channels = channels == null ? new ArrayList<>() : new ArrayList<>(channels);
    }

    public boolean isTelegramLinked() {
        return telegramLinked;
    }

    public boolean isTelegramAvailable() {
        return telegramAvailable;
    }

    public String getDeepLink() {
        return deepLink;
    }

    public String getDeepLinkExpires() {
        return deepLinkExpires;
    }
}
