package id.webrana.cloud.sandbox.tripay;

/**
 * A small SVG badge with a channel's code, served as the channel's {@code icon_url} so that the simulator needs
 * no image from the internet.
 */
public final class ChannelIcon {

    private ChannelIcon() {
    }

    /**
     * @param c a channel
     * @return an SVG document, 160×64, coloured by the channel's kind
     */
    public static String svg(ChannelSpec c) {
        String colour = switch (c.kind()) {
            case VIRTUAL_ACCOUNT -> "#1f4e9c";
            case CONVENIENCE_STORE -> "#c0392b";
            case QRIS -> "#222222";
            case EWALLET -> "#5b2c83";
        };
        int fontSize = c.code().length() > 8 ? 18 : 22;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"160\" height=\"64\" viewBox=\"0 0 160 64\">"
                + "<rect x=\"1\" y=\"1\" width=\"158\" height=\"62\" rx=\"10\" fill=\"#ffffff\" stroke=\"" + colour
                + "\" stroke-width=\"2\"/><text x=\"80\" y=\"40\" text-anchor=\"middle\" font-family=\"Arial, sans-serif\""
                + " font-weight=\"bold\" font-size=\"" + fontSize + "\" fill=\"" + colour + "\">"
                + Html.escape(c.code()) + "</text></svg>";
    }
}
