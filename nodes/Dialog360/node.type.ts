/**
 * Every resource of the node and its operations, the one list of them. Each resource's operation table and
 * Operation options are typed against it, so a missing or misspelt operation fails the build.
 */
export type Dialog360Map = {
	message:
		| 'sendText'
		| 'sendTemplate'
		| 'sendMedia'
		| 'sendLocation'
		| 'sendContacts'
		| 'sendReaction'
		| 'sendInteractive'
		| 'sendRaw'
		| 'markAsRead'
		| 'sendTypingIndicator'
		| 'sendAndWait';
	media: 'upload' | 'download' | 'getInfo' | 'delete';
	template: 'list' | 'get' | 'create' | 'delete' | 'getAnalytics' | 'createFromLibrary';
	account:
		| 'getHealthStatus'
		| 'getPhoneNumber'
		| 'getBusinessProfile'
		| 'updateBusinessProfile'
		| 'blockUsers'
		| 'unblockUsers'
		| 'listBlockedUsers'
		| 'getConversationalComponents'
		| 'setConversationalComponents';
	flow:
		| 'respondToFlow'
		| 'uploadPublicKey'
		| 'getPublicKey'
		| 'listFlows'
		| 'getFlow'
		| 'createFlow'
		| 'updateFlowJson'
		| 'publishFlow'
		| 'deprecateFlow'
		| 'deleteFlow'
		| 'getPreviewUrl';
	group:
		| 'create'
		| 'get'
		| 'list'
		| 'update'
		| 'delete'
		| 'getInviteLink'
		| 'resetInviteLink'
		| 'listJoinRequests'
		| 'approveJoinRequests'
		| 'rejectJoinRequests'
		| 'removeParticipants';
	call:
		| 'getSettings'
		| 'updateSettings'
		| 'getPermission'
		| 'initiate'
		| 'preAccept'
		| 'accept'
		| 'reject'
		| 'terminate';
};

export type Dialog360Resource = keyof Dialog360Map;
