// @ts-check
'use strict';
/**
 * The templates every number starts with: one of each shape a workflow meets (plain, positional and named
 * variables, text / image / video / document / location headers, URL, quick-reply, phone, copy-code and flow
 * buttons, a carousel, authentication with copy code and one-tap, a limited-time offer) and one PENDING.
 */

const SEED_TEMPLATES = [
	{
		name: 'hello_world',
		language: 'en_US',
		category: 'UTILITY',
		status: 'APPROVED',
		components: [
			{ type: 'HEADER', format: 'TEXT', text: 'Hello World' },
			{
				type: 'BODY',
				text: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API. Thank you for taking the time to test with us.',
			},
			{ type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
		],
	},
	{
		name: 'order_update',
		language: 'en_US',
		category: 'UTILITY',
		status: 'APPROVED',
		components: [
			{
				type: 'BODY',
				text: 'Hi {{1}}, your order {{2}} is on its way.',
				example: { body_text: [['Jane', '#1234']] },
			},
			{
				type: 'BUTTONS',
				buttons: [
					{ type: 'QUICK_REPLY', text: 'Track order' },
					{ type: 'QUICK_REPLY', text: 'Contact support' },
				],
			},
		],
	},
	{
		name: 'order_update',
		language: 'de',
		category: 'UTILITY',
		status: 'APPROVED',
		components: [
			{
				type: 'BODY',
				text: 'Hallo {{1}}, deine Bestellung {{2}} ist unterwegs.',
				example: { body_text: [['Jane', '#1234']] },
			},
		],
	},
	{
		name: 'appointment_reminder',
		language: 'en_US',
		category: 'UTILITY',
		status: 'APPROVED',
		parameter_format: 'NAMED',
		components: [
			{
				type: 'BODY',
				text: 'Hello {{first_name}}, this is a reminder of your appointment on {{appointment_date}}.',
				example: {
					body_text_named_params: [
						{ param_name: 'first_name', example: 'Jane' },
						{ param_name: 'appointment_date', example: 'May 4, 10:00' },
					],
				},
			},
		],
	},
	{
		name: 'product_launch',
		language: 'en_US',
		category: 'MARKETING',
		status: 'APPROVED',
		components: [
			{
				type: 'HEADER',
				format: 'IMAGE',
				example: { header_handle: ['https://example.com/launch.jpg'] },
			},
			{
				type: 'BODY',
				text: 'Meet {{1}}! Now available in our store.',
				example: { body_text: [['the new collection']] },
			},
			{
				type: 'BUTTONS',
				buttons: [{ type: 'URL', text: 'Shop now', url: 'https://example.com/shop' }],
			},
		],
	},
	{
		name: 'seasonal_promo',
		language: 'en_US',
		category: 'MARKETING',
		status: 'PENDING',
		components: [
			{
				type: 'BODY',
				text: "Our summer sale starts {{1}}. Don't miss it!",
				example: { body_text: [['tomorrow']] },
			},
		],
	},

	{
		name: 'delivery_update',
		language: 'en_US',
		category: 'UTILITY',
		status: 'APPROVED',
		components: [
			{
				type: 'HEADER',
				format: 'TEXT',
				text: 'Order {{1}} shipped',
				example: { header_text: ['#1234'] },
			},
			{
				type: 'BODY',
				text: 'Hi {{1}}, your parcel left our warehouse and arrives on {{2}}.',
				example: { body_text: [['Jane', 'Friday, May 4']] },
			},
			{ type: 'FOOTER', text: 'Reply STOP to opt out' },
			{
				type: 'BUTTONS',
				buttons: [
					{
						type: 'URL',
						text: 'Track parcel',
						url: 'https://example.com/track/{{1}}',
						example: ['https://example.com/track/ABC123'],
					},
					{ type: 'QUICK_REPLY', text: 'Change delivery' },
					{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+15550001111' },
				],
			},
		],
	},
	{
		name: 'invoice_ready',
		language: 'en_US',
		category: 'UTILITY',
		status: 'APPROVED',
		parameter_format: 'NAMED',
		components: [
			{
				type: 'HEADER',
				format: 'DOCUMENT',
				example: { header_handle: ['https://example.com/inv.pdf'] },
			},
			{
				type: 'BODY',
				text: 'Dear {{customer_name}}, invoice {{invoice_number}} is attached.',
				example: {
					body_text_named_params: [
						{ param_name: 'customer_name', example: 'Jane Doe' },
						{ param_name: 'invoice_number', example: 'INV-2041' },
					],
				},
			},
		],
	},
	{
		name: 'welcome_video',
		language: 'en_US',
		category: 'MARKETING',
		status: 'APPROVED',
		components: [
			{
				type: 'HEADER',
				format: 'VIDEO',
				example: { header_handle: ['https://example.com/hi.mp4'] },
			},
			{ type: 'BODY', text: 'Welcome aboard, {{1}}!', example: { body_text: [['Jane']] } },
		],
	},
	{
		name: 'store_location',
		language: 'en_US',
		category: 'UTILITY',
		status: 'APPROVED',
		components: [
			{ type: 'HEADER', format: 'LOCATION' },
			{
				type: 'BODY',
				text: 'Your order {{1}} is ready for pickup at the store above.',
				example: { body_text: [['#1234']] },
			},
		],
	},
	{
		name: 'coupon_offer',
		language: 'en_US',
		category: 'MARKETING',
		status: 'APPROVED',
		components: [
			{
				type: 'BODY',
				text: 'Hi {{1}}, here is {{2}} off your next order.',
				example: { body_text: [['Jane', '15%']] },
			},
			{
				type: 'BUTTONS',
				buttons: [
					{ type: 'COPY_CODE', example: 'SAVE15' },
					{
						type: 'URL',
						text: 'Shop now',
						url: 'https://example.com/shop?promo={{1}}',
						example: ['https://example.com/shop?promo=spring'],
					},
				],
			},
		],
	},
	{
		name: 'table_booking',
		language: 'en_US',
		category: 'MARKETING',
		status: 'APPROVED',
		components: [
			{
				type: 'BODY',
				text: 'Book a table at {{1}} in a minute.',
				example: { body_text: [['Luigi']] },
			},
			{
				type: 'BUTTONS',
				buttons: [
					{
						type: 'FLOW',
						text: 'Book a table',
						flow_id: '1234567890123456',
						navigate_screen: 'WELCOME',
						flow_action: 'navigate',
					},
				],
			},
		],
	},
	{
		name: 'product_carousel',
		language: 'en_US',
		category: 'MARKETING',
		status: 'APPROVED',
		components: [
			{ type: 'BODY', text: 'New in for you, {{1}}:', example: { body_text: [['Jane']] } },
			{
				type: 'CAROUSEL',
				cards: [1, 2].map(() => ({
					components: [
						{
							type: 'HEADER',
							format: 'IMAGE',
							example: { header_handle: ['https://example.com/card.jpg'] },
						},
						{ type: 'BODY', text: 'Now {{1}} only.', example: { body_text: [['$19']] } },
						{
							type: 'BUTTONS',
							buttons: [
								{ type: 'QUICK_REPLY', text: 'More like this' },
								{
									type: 'URL',
									text: 'Buy',
									url: 'https://example.com/p/{{1}}',
									example: ['https://example.com/p/sku-1'],
								},
							],
						},
					],
				})),
			},
		],
	},
	{
		name: 'verification_code',
		language: 'en_US',
		category: 'AUTHENTICATION',
		status: 'APPROVED',
		// As the platform answers an OTP template: the copy-code button comes back as a URL button.
		components: [
			{
				type: 'BODY',
				text: '*{{1}}* is your verification code. For your security, do not share this code.',
				add_security_recommendation: true,
				example: { body_text: [['123456']] },
			},
			{ type: 'FOOTER', text: 'This code expires in 10 minutes.', code_expiration_minutes: 10 },
			{
				type: 'BUTTONS',
				buttons: [
					{
						type: 'URL',
						text: 'Copy code',
						url: 'https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code_expiration_minutes=10&code=otp{{1}}',
						example: [
							'https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code_expiration_minutes=10&code=otp123456',
						],
					},
				],
			},
		],
	},
	{
		name: 'verification_code_one_tap',
		language: 'en_US',
		category: 'AUTHENTICATION',
		status: 'APPROVED',
		components: [
			{
				type: 'BODY',
				text: '*{{1}}* is your verification code.',
				example: { body_text: [['123456']] },
			},
			{
				type: 'BUTTONS',
				buttons: [
					{
						type: 'OTP',
						otp_type: 'ONE_TAP',
						text: 'Copy code',
						autofill_text: 'Autofill',
						package_name: 'com.example.app',
						signature_hash: 'K8a/AINcGX7',
					},
				],
			},
		],
	},
	{
		name: 'flash_sale',
		language: 'en_US',
		category: 'MARKETING',
		status: 'APPROVED',
		components: [
			{
				type: 'HEADER',
				format: 'IMAGE',
				example: { header_handle: ['https://example.com/sale.jpg'] },
			},
			{
				type: 'LIMITED_TIME_OFFER',
				limited_time_offer: { text: 'Flash sale!', has_expiration: true },
			},
			{
				type: 'BODY',
				text: 'Good news, {{1}}! Use code {{2}} for 25% off.',
				example: { body_text: [['Jane', 'FLASH25']] },
			},
			{
				type: 'BUTTONS',
				buttons: [
					{ type: 'COPY_CODE', example: 'FLASH25' },
					{
						type: 'URL',
						text: 'Shop the sale',
						url: 'https://example.com/sale?code={{1}}',
						example: ['https://example.com/sale?code=FLASH25'],
					},
				],
			},
		],
	},
];

module.exports = { SEED_TEMPLATES };
