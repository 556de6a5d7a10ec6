package id.webrana.cloud.adapter.out.notify;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * JSON-B records mirroring the Telegram Bot API's JSON (snake_case names mapped with {@link JsonbProperty}).
 *
 * <p>They stay inside this adapter. Unknown JSON properties are ignored, and every field is a reference type so
 * that a missing property reads as {@code null}. Ids are {@code Long}: user and chat ids need up to 52 bits, and
 * supergroup and channel ids are negative ({@code -100...}).
 */
public final class TelegramDtos {

    private TelegramDtos() {
    }

    // ---------------------------------------------------------------- requests

    /**
     * Body of {@code sendMessage}. Null fields are left out of the JSON.
     *
     * @param chatId a numeric chat id ({@code Long}) or {@code "@channelusername"} ({@code String})
     */
    public record SendMessageRequest(@JsonbProperty("chat_id") Object chatId, String text,
                                     @JsonbProperty("parse_mode") String parseMode,
                                     @JsonbProperty("disable_web_page_preview") Boolean disableWebPagePreview) {
    }

    /** Body of {@code getUpdates}. */
    public record GetUpdatesRequest(Long offset, Integer timeout,
                                    @JsonbProperty("allowed_updates") List<String> allowedUpdates) {
    }

    // ---------------------------------------------------------------- answers

    /** What every answer has: {@code ok}, and on failure {@code error_code}, {@code description}, parameters. */
    public interface Answer {
        Boolean ok();

        Integer errorCode();

        String description();

        ResponseParameters parameters();
    }

    /** Any answer, read only for its status fields ({@code sendMessage}'s result is not needed). */
    public record StatusAnswer(Boolean ok, @JsonbProperty("error_code") Integer errorCode, String description,
                               ResponseParameters parameters) implements Answer {
    }

    /** The answer of {@code getUpdates}. */
    public record UpdatesAnswer(Boolean ok, @JsonbProperty("error_code") Integer errorCode, String description,
                                ResponseParameters parameters, List<Update> result) implements Answer {
    }

    /** The answer of {@code getMe}. */
    public record MeAnswer(Boolean ok, @JsonbProperty("error_code") Integer errorCode, String description,
                           ResponseParameters parameters, User result) implements Answer {
    }

    /** {@code ResponseParameters}: why a request failed and what to do. */
    public record ResponseParameters(@JsonbProperty("retry_after") Long retryAfter,
                                     @JsonbProperty("migrate_to_chat_id") Long migrateToChatId) {
    }

    /** {@code Update} (only the {@code message} kind is asked for). */
    public record Update(@JsonbProperty("update_id") Long updateId, Message message) {
    }

    /** {@code Message} (the fields the platform reads). */
    public record Message(@JsonbProperty("message_id") Long messageId, User from, Chat chat, Long date,
                          String text) {
    }

    /**
     * {@code Chat}.
     *
     * @param type {@code "private"}, {@code "group"}, {@code "supergroup"} or {@code "channel"}
     */
    public record Chat(Long id, String type, String title, String username) {
    }

    /** {@code User}. */
    public record User(Long id, @JsonbProperty("is_bot") Boolean isBot, @JsonbProperty("first_name") String firstName,
                       String username) {
    }
}
